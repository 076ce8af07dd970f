package org.communitykiosk.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communitykiosk.api.device.CredentialCheck.Refusal;
import org.communitykiosk.api.device.DeviceRole;
import org.junit.jupiter.api.Test;

/** Every message of enrolment and devices exists in Chinese and English ({@code i18n/device_*} of the API bundle). */
class DeviceTextsTest {

    private static final Pattern KEY = Pattern.compile("\"(device\\.[A-Za-z.-]+)\"");

    @Test
    void everyKeyTheRegistryAndTheRolesUseHasBothTexts() throws Exception {
        ResourceBundle zh = load(Locale.SIMPLIFIED_CHINESE);
        ResourceBundle en = load(Locale.ENGLISH);
        assertEquals(new TreeSet<>(zh.keySet()), new TreeSet<>(en.keySet()));
        Set<String> used = new TreeSet<>();
        Matcher keys = KEY.matcher(Files.readString(Path.of(
                "src/main/java/org/communitykiosk/core/internal/device/JdbcDeviceRegistry.java")));
        while (keys.find()) {
            if (!keys.group(1).startsWith("device.code.create") && !keys.group(1).startsWith("device.enrol")
                    && !keys.group(1).equals("device.revoke")) {
                used.add(keys.group(1));
            }
        }
        assertTrue(used.contains("device.code.notYetValid"), used.toString());
        for (Refusal refusal : Refusal.values()) {
            used.add(refusal.problemKey());
        }
        for (DeviceRole role : DeviceRole.values()) {
            used.add("device.role." + role.id());
        }
        for (String key : used) {
            assertTrue(zh.containsKey(key), "missing in device_zh_CN: " + key);
            assertTrue(en.containsKey(key), "missing in device_en: " + key);
        }
        for (String key : zh.keySet()) {
            assertFalse(zh.getString(key).isBlank(), key);
            new MessageFormat(zh.getString(key), Locale.SIMPLIFIED_CHINESE).format(new Object[] {8});
            new MessageFormat(en.getString(key), Locale.ENGLISH).format(new Object[] {8});
        }
        assertEquals("The pairing code has 8 digits. Please check it and type it again",
                new MessageFormat(en.getString("device.code.malformed"), Locale.ENGLISH).format(new Object[] {8}));
        assertEquals("The kiosk's clock was changed after this pairing code was made, so the code cannot be used. "
                + "Please ask staff for a new one", en.getString("device.code.notYetValid").replace("''", "'"));
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle("i18n.device", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
