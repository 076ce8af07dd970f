package org.communitykiosk.ui.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.api.KioskSettings;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;

/**
 * The last seconds of an idle session: a countdown with a big "I'm still here" button. The count runs on the server
 * and is pushed, so the session ends on time even if nobody touches the screen again.
 */
final class IdleCountdown {

    private final Shell shell;
    private final Runnable expire;
    private final Runnable stillHere;
    private Dialog dialog;
    private ScheduledFuture<?> ticker;

    IdleCountdown(Shell shell, Runnable expire, Runnable stillHere) {
        this.shell = shell;
        this.expire = expire;
        this.stillHere = stillHere;
    }

    /** A quarter of the timeout, between 5 and 15 seconds. */
    static Duration countdownFor(Duration timeout) {
        long seconds = Math.max(5, Math.min(15, timeout.toSeconds() / 4));
        return Duration.ofSeconds(seconds);
    }

    void start(UI ui) {
        if (dialog != null) {
            return;
        }
        KioskSettings settings = shell.settings().get();
        SessionState state = SessionState.of(VaadinSession.getCurrent(), settings.kioskId(), settings.defaultLocale());
        Duration timeout = state.staff().isPresent() ? settings.staffIdleTimeout() : settings.residentIdleTimeout();
        int[] remaining = { (int) countdownFor(timeout).toSeconds() };

        Span seconds = new Span(Integer.toString(remaining[0]));
        seconds.setId("idle-seconds");
        seconds.addClassName("kiosk-countdown");
        Button here = new Button(shell.translations().text(state.locale(), "shell.idle.stillHere"), e -> {
            cancel();
            stillHere.run();
        });
        here.setId("still-here");
        here.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        here.addClassName("kiosk-huge-button");

        dialog = new Dialog();
        dialog.setId("idle-dialog");
        dialog.setCloseOnOutsideClick(false);
        dialog.setCloseOnEsc(false);
        dialog.add(new H2(shell.translations().text(state.locale(), "shell.idle.title")),
                new Paragraph(shell.translations().text(state.locale(), "shell.idle.explain")), seconds, here);
        dialog.open();

        ticker = shell.timer().scheduleAtFixedRate(() -> ui.access(() -> {
            remaining[0]--;
            if (remaining[0] <= 0) {
                cancel();
                expire.run();
            } else {
                seconds.setText(Integer.toString(remaining[0]));
            }
        }), 1, 1, TimeUnit.SECONDS);
    }

    void cancel() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        if (dialog != null) {
            dialog.close();
            dialog = null;
        }
    }
}
