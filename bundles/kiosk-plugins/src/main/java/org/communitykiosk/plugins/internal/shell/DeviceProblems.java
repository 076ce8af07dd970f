package org.communitykiosk.plugins.internal.shell;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.device.DeviceRegistry;

/** A refusal of the device registry in English, from the platform's device texts (in the API bundle). */
final class DeviceProblems {

    private DeviceProblems() {
    }

    static String describe(InvalidInputException refused) {
        ResourceBundle texts = ResourceBundle.getBundle("i18n.device", Locale.ENGLISH,
                DeviceRegistry.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return refused.problems().stream().map(p -> {
            try {
                return new MessageFormat(texts.getString(p.key()), Locale.ENGLISH).format(p.args().toArray());
            } catch (MissingResourceException e) {
                return p.key() + " " + p.args();
            }
        }).collect(Collectors.joining("\n"));
    }
}
