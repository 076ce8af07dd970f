package org.communitykiosk.ui.internal;

import java.time.Duration;

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
 * The last seconds of an idle session, as the server counts them ({@link IdleWatch}): a countdown with a big "I'm
 * still here" button. It only shows: the server pushes the seconds left and ends the session when they run out,
 * whether or not this dialog is on a screen.
 */
final class IdleCountdown {

    private final Shell shell;
    private final Runnable stillHere;
    private Dialog dialog;
    private Span seconds;

    IdleCountdown(Shell shell, Runnable stillHere) {
        this.shell = shell;
        this.stillHere = stillHere;
    }

    /** A quarter of the timeout, between 5 and 15 seconds. */
    static Duration countdownFor(Duration timeout) {
        long seconds = Math.max(5, Math.min(15, timeout.toSeconds() / 4));
        return Duration.ofSeconds(seconds);
    }

    void show(UI ui, long secondsLeft) {
        if (dialog != null) {
            seconds.setText(Long.toString(secondsLeft));
            return;
        }
        KioskSettings settings = shell.settings().get();
        SessionState state = SessionState.of(VaadinSession.getCurrent(), settings.kioskId(), settings.defaultLocale());
        seconds = new Span(Long.toString(secondsLeft));
        seconds.setId("idle-seconds");
        seconds.addClassName("kiosk-countdown");
        Button here = new Button(shell.translations().text(state.locale(), "shell.idle.stillHere"), e -> {
            hide();
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
        ui.add(dialog);
        dialog.open();
    }

    void hide() {
        if (dialog != null) {
            dialog.close();
            dialog.getElement().removeFromParent();
            dialog = null;
            seconds = null;
        }
    }
}
