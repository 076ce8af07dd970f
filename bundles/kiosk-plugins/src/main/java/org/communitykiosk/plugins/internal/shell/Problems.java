package org.communitykiosk.plugins.internal.shell;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.communitykiosk.api.InvalidInputException;

/** A refusal in English for the technician's shell, from this bundle's own messages. */
final class Problems {

    private Problems() {
    }

    static String describe(InvalidInputException refused) {
        ResourceBundle messages = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH,
                Problems.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return refused.problems().stream().map(p -> {
            try {
                return new MessageFormat(messages.getString(p.key()), Locale.ENGLISH).format(p.args().toArray());
            } catch (MissingResourceException e) {
                return p.key() + " " + p.args();
            }
        }).collect(Collectors.joining("\n"));
    }
}
