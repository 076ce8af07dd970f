package org.communitykiosk.bulletin.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.ResourceBundle;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Fills an empty board with three realistic notices when the kiosk runs with demo data, in the kiosk's default
 * language (English, or Chinese for every other language). The texts live in the messages files, like every text.
 */
@Component
public final class DemoNotices {

    static final Actor DEMO = Actor.system("demo");

    @Activate
    public DemoNotices(@Reference(name = "settings") KioskSettings settings,
            @Reference(name = "board") NoticeBoard board, @Reference(name = "clock") Clock clock) {
        if (settings.demoData() && board.all().isEmpty()) {
            post(board, LocalDate.now(clock), texts(settings.defaultLocale()));
        }
    }

    static void post(NoticeBoard board, LocalDate today, ResourceBundle texts) {
        // oldest first, so that the board shows them newest first in this order
        board.post(new NoticeDraft(texts.getString("bulletin.demo.volunteers.title"),
                texts.getString("bulletin.demo.volunteers.body"), today.plusDays(10), false), DEMO);
        board.post(new NoticeDraft(texts.getString("bulletin.demo.market.title"),
                texts.getString("bulletin.demo.market.body"), today.with(TemporalAdjusters.lastDayOfMonth()), false),
                DEMO);
        board.post(new NoticeDraft(texts.getString("bulletin.demo.bloodPressure.title"),
                texts.getString("bulletin.demo.bloodPressure.body"), null, true), DEMO);
    }

    static ResourceBundle texts(Locale kioskLocale) {
        Locale locale = Locale.ENGLISH.getLanguage().equals(kioskLocale.getLanguage()) ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
        return ResourceBundle.getBundle("i18n.messages", locale, DemoNotices.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
