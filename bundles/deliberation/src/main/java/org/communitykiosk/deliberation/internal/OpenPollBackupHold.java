package org.communitykiosk.deliberation.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

import org.communitykiosk.api.backup.BackupHold;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * No backup while a vote is open: until the close rewrites the ballots in random order (and checkpoints the
 * database), the rows, the register and Derby's log keep the order in which residents voted, and a backup would keep
 * it for as long as the backup is kept.
 */
@Component
public final class OpenPollBackupHold implements BackupHold {

    private final Council council;

    @Activate
    public OpenPollBackupHold(@Reference(name = "council") Council council) {
        this.council = council;
    }

    @Override
    public Optional<String> reason(Locale locale) {
        List<Council.Meeting> voting = council.meetingsVoting();
        if (voting.isEmpty()) {
            return Optional.empty();
        }
        ResourceBundle messages;
        try {
            messages = messages(locale);
        } catch (MissingResourceException e) {
            messages = messages(Locale.ENGLISH);
        }
        return Optional.of(new MessageFormat(messages.getString("deliberation.backup.held"), locale)
                .format(new Object[] { voting.get(0).title() }));
    }

    private static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle("i18n.messages", locale, OpenPollBackupHold.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
