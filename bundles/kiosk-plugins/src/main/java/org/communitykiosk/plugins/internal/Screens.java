package org.communitykiosk.plugins.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * What every console screen of this bundle shares (as in the bulletin): the theme's sizes, the big back button,
 * states in words, and updating a screen from a background thread.
 */
final class Screens {

    static final String TEXT_SIZE = "var(--lumo-font-size-m)";
    static final String TITLE_SIZE = "var(--lumo-font-size-l)";
    static final String HEADING_SIZE = "var(--lumo-font-size-xl)";
    static final String CONTENT_WIDTH = "960px";

    private Screens() {
    }

    static H2 heading(String text) {
        H2 heading = new H2(text);
        heading.getStyle().set("font-size", HEADING_SIZE).set("margin", "0");
        return heading;
    }

    /** The big button that leaves the screen, first on every screen so that it is always in reach. */
    static Button backButton(String id, String text, Runnable action) {
        Button back = bigButton(id, text, action);
        back.setIcon(VaadinIcon.ARROW_LEFT.create());
        return back;
    }

    static Button bigButton(String id, String text, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_LARGE);
        return button;
    }

    /** A state in words inside a frame: never colour alone. */
    static Span label(String text) {
        Span label = new Span(text);
        label.getStyle().set("display", "inline-block").set("border", "2px solid currentColor")
                .set("border-radius", "6px").set("padding", "0 10px").set("margin-right", "10px")
                .set("font-weight", "600").set("font-size", TEXT_SIZE).set("line-height", "1.5");
        return label;
    }

    /** Running text in the screen's text size. */
    static Paragraph text(String text) {
        Paragraph paragraph = new Paragraph(text);
        textSize(paragraph, TEXT_SIZE);
        return paragraph;
    }

    /**
     * A refusal or a warning in bold words (never colour alone), hidden until there is something to say; several
     * problems go on lines of their own.
     */
    static Paragraph notice(String id) {
        Paragraph notice = new Paragraph();
        notice.setId(id);
        notice.setVisible(false);
        textSize(notice, TEXT_SIZE);
        notice.getStyle().set("font-weight", "600").set("white-space", "pre-line");
        return notice;
    }

    static void textSize(HasStyle component, String size) {
        component.getStyle().set("font-size", size).set("line-height", "1.5");
    }

    /** The screen's UI, taken on the UI thread before background work starts; null in a unit test. */
    static UI uiOf(Component screen) {
        return screen.getUI().orElse(UI.getCurrent());
    }

    /**
     * Runs an update of the screen from a background thread: through {@code ui.access} (the shell has push enabled),
     * directly when there is no UI (a screen built in a unit test).
     */
    static void update(UI ui, Runnable change) {
        if (ui == null) {
            change.run();
            return;
        }
        try {
            ui.access(change::run);
        } catch (UIDetachedException e) {
            // the screen was left while Karaf or Derby worked: the result is in the audit log and the lists
        }
    }
}
