package org.communitykiosk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.communitykiosk.api.plugin.PinAction;

import org.junit.jupiter.api.Test;

class SettingsTest {

    /** What DS hands the component: the annotation's defaults unless a value is given. */
    private static class Config implements KioskSettingsConfig {
        String language = "zh-CN";
        String zone = "Asia/Shanghai";
        int residentIdle = 60;
        String[] tileOrder = {};
        int keepAwake = 10;
        String[] exportRoots = { "/media", "/run/media", "/mnt" };
        String[] pinRequiredFor = annotationDefault("pinRequiredFor");

        @Override public Class<? extends Annotation> annotationType() { return KioskSettingsConfig.class; }
        @Override public String kioskId() { return "kiosk-1"; }
        @Override public String kioskName() { return "社区服务站"; }
        @Override public String communityName() { return "示范社区（演示）"; }
        @Override public String defaultLanguage() { return language; }
        @Override public String timezone() { return zone; }
        @Override public int residentIdleTimeoutSeconds() { return residentIdle; }
        @Override public int staffIdleTimeoutSeconds() { return 300; }
        @Override public boolean demoData() { return true; }
        @Override public String[] tileOrder() { return tileOrder; }
        @Override public String[] hiddenPlugins() { return new String[0]; }
        @Override public int keepAwakeMaxMinutes() { return keepAwake; }
        @Override public String[] exportRoots() { return exportRoots; }
        @Override public String[] pinRequiredFor() { return pinRequiredFor; }
    }

    private static String[] annotationDefault(String attribute) {
        try {
            return (String[]) KioskSettingsConfig.class.getMethod(attribute).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyStepUpActionAsksForThePinByDefaultAndAListCanNarrowIt() {
        assertEquals(Set.copyOf(PinAction.ALL), Settings.from(new Config()).pinRequiredFor());
        Config config = new Config();
        config.pinRequiredFor = new String[] { "points.spend, bloodpressure.history", " " };
        assertEquals(Set.of(PinAction.POINTS_SPEND, PinAction.BLOOD_PRESSURE_HISTORY),
                Settings.from(config).pinRequiredFor());
        config.pinRequiredFor = new String[0];
        assertEquals(Set.of(), Settings.from(config).pinRequiredFor());
    }

    @Test
    void defaultsMatchTheConfigurationDefaults() {
        Settings settings = Settings.from(new Config());
        assertEquals(Settings.defaults(), settings);
        assertEquals(Locale.SIMPLIFIED_CHINESE, settings.defaultLocale());
        assertEquals(ZoneId.of("Asia/Shanghai"), settings.zone());
        assertEquals(Duration.ofSeconds(60), settings.residentIdleTimeout());
        assertEquals(Duration.ofSeconds(300), settings.staffIdleTimeout());
        assertTrue(settings.demoData());
        assertEquals(List.of(), settings.tileOrder());
        assertEquals(Duration.ofMinutes(10), settings.keepAwakeMax());
    }

    @Test
    void badValuesFallBackToDefaults() {
        Config config = new Config();
        config.language = "fr";
        config.zone = "Mars/Olympus";
        config.residentIdle = 5;
        Settings settings = Settings.from(config);
        assertEquals(Locale.SIMPLIFIED_CHINESE, settings.defaultLocale());
        assertEquals(ZoneId.of("Asia/Shanghai"), settings.zone());
        assertEquals(Duration.ofSeconds(60), settings.residentIdleTimeout());
        config.residentIdle = 3601;
        assertEquals(Duration.ofSeconds(60), Settings.from(config).residentIdleTimeout());
        config.keepAwake = 0;
        assertEquals(Duration.ofMinutes(10), Settings.from(config).keepAwakeMax());
        config.keepAwake = 61;
        assertEquals(Duration.ofMinutes(10), Settings.from(config).keepAwakeMax());
        // the kiosk's own disk is never an export medium: only absolute folders below the root
        config.exportRoots = new String[] { "/", "media", "/media/", "/mnt,/srv/usb" };
        assertEquals(List.of("/media", "/mnt", "/srv/usb"), Settings.from(config).exportRoots());
    }

    @Test
    void acceptedValues() {
        Config config = new Config();
        config.language = "en";
        config.zone = "Asia/Urumqi";
        config.residentIdle = 15;
        config.tileOrder = new String[] { "bulletin, points", " lovemarket ", "", "points" };
        Settings settings = Settings.from(config);
        assertEquals(Locale.ENGLISH, settings.defaultLocale());
        assertEquals(ZoneId.of("Asia/Urumqi"), settings.zone());
        assertEquals(Duration.ofSeconds(15), settings.residentIdleTimeout());
        assertEquals(List.of("bulletin", "points", "lovemarket"), settings.tileOrder());
        assertEquals(settings.tileOrder(), new KioskSettingsComponent(config).tileOrder());
    }
}
