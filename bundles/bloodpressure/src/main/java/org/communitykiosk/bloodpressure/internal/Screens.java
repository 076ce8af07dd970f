package org.communitykiosk.bloodpressure.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * What every blood-pressure screen shares: the touch and age-friendly sizes, the big back button, the category panel
 * (name in words on its colour), dates in the kiosk's language.
 */
final class Screens {

    // the theme's sizes, so that the shell's large-text mode enlarges these too
    static final String TEXT_SIZE = "var(--lumo-font-size-m)";
    static final String TITLE_SIZE = "var(--lumo-font-size-l)";
    static final String HEADING_SIZE = "var(--lumo-font-size-xl)";
    static final String HUGE_SIZE = "var(--lumo-font-size-xxxl)";
    static final String CONTENT_WIDTH = "960px";

    private Screens() {
    }

    static H2 heading(String text) {
        H2 heading = new H2(text);
        heading.getStyle().set("font-size", HEADING_SIZE).set("margin", "0");
        return heading;
    }

    static Paragraph text(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        if (id != null) {
            paragraph.setId(id);
        }
        textSize(paragraph, TEXT_SIZE);
        paragraph.getStyle().set("margin", "8px 0").set("white-space", "pre-line");
        return paragraph;
    }

    /** The big button that leaves the screen. */
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

    static Button primaryButton(String id, String text, Runnable action) {
        Button button = bigButton(id, text, action);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    /** The category's name in big words on its colour: the colour never carries the meaning alone. */
    static Div categoryPanel(ViewContext context, String id, Category category, String values) {
        Div panel = new Div();
        panel.setId(id);
        panel.setWidthFull();
        panel.getStyle().set("box-sizing", "border-box").set("padding", "20px 24px").set("border-radius", "12px")
                .set("border", "3px solid #1a1a1a")
                .set("background", category == null ? "var(--lumo-base-color)" : category.colour.css)
                .set("color", category == null ? "var(--lumo-body-text-color)" : category.colour.text());
        Span name = new Span(category == null ? "" : context.text(category.key()));
        name.setId(id + "-category");
        name.getStyle().set("display", "block").set("font-size", HUGE_SIZE).set("font-weight", "700")
                .set("line-height", "1.3");
        Span numbers = new Span(values);
        numbers.setId(id + "-values");
        numbers.getStyle().set("display", "block").set("font-size", TITLE_SIZE).set("line-height", "1.5");
        panel.add(name, numbers);
        return panel;
    }

    /** "132/84 mmHg, pulse 72" in the kiosk's language. */
    static String values(ViewContext context, Reading reading) {
        return reading.pulse() == null
                ? context.text("bloodpressure.values", reading.systolic(), reading.diastolic())
                : context.text("bloodpressure.valuesWithPulse", reading.systolic(), reading.diastolic(),
                        reading.pulse());
    }

    static void textSize(HasStyle component, String size) {
        component.getStyle().set("font-size", size).set("line-height", "1.5");
    }

    static String date(ViewContext context, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(context.locale()).format(date);
    }

    static String dateTime(ViewContext context, Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(context.locale())
                .format(instant.atZone(context.zone()));
    }
}
