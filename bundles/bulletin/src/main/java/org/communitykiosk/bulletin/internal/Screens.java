package org.communitykiosk.bulletin.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * What every bulletin screen shares: the touch and age-friendly sizes, the big back button, state labels and dates
 * in the kiosk's language. The shell's theme already makes Vaadin components large; these add to it.
 */
final class Screens {

    // the theme's sizes, so that the shell's large-text mode enlarges these too: 22/26/30/36px, 28/32/38/46px large
    static final String TEXT_SIZE = "var(--lumo-font-size-m)";
    static final String TITLE_SIZE = "var(--lumo-font-size-l)";
    static final String HEADING_SIZE = "var(--lumo-font-size-xl)";
    static final String DETAIL_TITLE_SIZE = "var(--lumo-font-size-xxl)";
    static final String DETAIL_TEXT_SIZE = "var(--lumo-font-size-l)";
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

    /** A large action button (the theme already makes every button at least 64 x 64 px). */
    static Button bigButton(String id, String text, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_LARGE);
        return button;
    }

    /** A state in words inside a frame ("置顶", "已撤下"): never colour alone. */
    static Span label(String text) {
        Span label = new Span(text);
        label.getStyle().set("display", "inline-block").set("border", "2px solid currentColor")
                .set("border-radius", "6px").set("padding", "0 10px").set("margin-right", "10px")
                .set("font-weight", "600").set("font-size", TEXT_SIZE).set("line-height", "1.5");
        return label;
    }

    static void textSize(HasStyle component, String size) {
        component.getStyle().set("font-size", size).set("line-height", "1.5");
    }

    static String date(ViewContext context, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(context.locale()).format(date);
    }

    static String date(ViewContext context, Instant instant) {
        return date(context, instant.atZone(context.zone()).toLocalDate());
    }

    /** The notice named by the first path segment ({@code notice/12}, {@code edit/12}), if there is one. */
    static Optional<Notice> noticeFromPath(ViewContext context, NoticeBoard board) {
        List<String> segments = context.pathSegments();
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        try {
            return board.byId(Long.parseLong(segments.get(0)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
