package org.communitykiosk.admin.internal;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import org.communitykiosk.admin.internal.Paging.Page;
import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * What every staff console screen shares: sizes on top of the shell's theme (which already makes Vaadin components
 * large), the big back button, the pager, error texts and date pickers in the staff member's language. Every text
 * is set with text APIs, never as HTML.
 */
final class Screens {

    static final String TEXT_SIZE = "22px";
    static final String CONTENT_WIDTH = "1200px";
    static final String FORM_WIDTH = "960px";

    private Screens() {
    }

    static H2 heading(String text) {
        H2 heading = new H2(text);
        heading.getStyle().set("font-size", "30px").set("margin", "0");
        return heading;
    }

    /** The big button that leaves the screen, first on every screen so that it is always in reach. */
    static Button backButton(String id, String text, Runnable action) {
        Button back = new Button(text, VaadinIcon.ARROW_LEFT.create(), click -> action.run());
        back.setId(id);
        back.addThemeVariants(ButtonVariant.LUMO_LARGE);
        back.getStyle().set("min-height", "64px").set("min-width", "200px").set("font-size", TEXT_SIZE);
        return back;
    }

    /** A large action button (at least 60 x 60 px). */
    static Button bigButton(String id, String text, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_LARGE);
        button.getStyle().set("min-height", "64px").set("min-width", "120px").set("font-size", TEXT_SIZE);
        return button;
    }

    /** A link (download) that looks and sizes like a big button. */
    static Anchor linkButton(String id, String text) {
        Anchor link = new Anchor();
        link.setId(id);
        link.setText(text);
        link.getStyle().set("display", "inline-flex").set("align-items", "center").set("box-sizing", "border-box")
                .set("min-height", "64px").set("min-width", "120px").set("padding", "0 24px")
                .set("font-size", TEXT_SIZE).set("font-weight", "600").set("text-decoration", "none")
                .set("border", "2px solid var(--lumo-primary-color)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("color", "var(--lumo-primary-text-color)").set("background", "#ffffff");
        return link;
    }

    static Paragraph text(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        if (id != null) {
            paragraph.setId(id);
        }
        textSize(paragraph);
        paragraph.getStyle().set("margin", "0");
        return paragraph;
    }

    /** A message in error colour, in bold and with its words (never colour alone); lines kept. */
    static Paragraph error(String id) {
        Paragraph error = text(id, "");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "700")
                .set("white-space", "pre-line");
        error.setVisible(false);
        return error;
    }

    static void textSize(HasStyle component) {
        component.getStyle().set("font-size", TEXT_SIZE).set("line-height", "1.5");
    }

    /** Previous and next page buttons around "page N". */
    static final class Pager extends HorizontalLayout {

        private final ViewContext context;
        private final Button previous;
        private final Button next;
        private final Span label = new Span();

        Pager(ViewContext context, String idPrefix, IntConsumer show) {
            this.context = context;
            previous = bigButton(idPrefix + "-prev", context.text("admin.page.previous"), () -> show.accept(-1));
            previous.setIcon(VaadinIcon.ANGLE_LEFT.create());
            next = bigButton(idPrefix + "-next", context.text("admin.page.next"), () -> show.accept(+1));
            next.setIcon(VaadinIcon.ANGLE_RIGHT.create());
            next.setIconAfterText(true);
            label.setId(idPrefix + "-page");
            textSize(label);
            setAlignItems(FlexComponent.Alignment.CENTER);
            add(previous, label, next);
        }

        /** Shows the page; with a known total also "of M". */
        void show(Page<?> page, Integer total) {
            previous.setEnabled(page.hasPrevious());
            next.setEnabled(page.hasNext());
            label.setText(total == null ? context.text("admin.page.number", page.number())
                    : context.text("admin.page.numberOf", page.number(), Paging.pageCount(total, page.size())));
            setVisible(page.hasPrevious() || page.hasNext());
        }
    }

    /** A date picker that speaks the staff member's language and takes dates typed as 1950-03-08. */
    static DatePicker datePicker(ViewContext context, String id, String label) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setLabel(label);
        picker.setLocale(context.locale());
        picker.setClearButtonVisible(true);
        picker.setI18n(datePickerTexts(context));
        picker.getStyle().set("font-size", TEXT_SIZE);
        return picker;
    }

    static DatePicker.DatePickerI18n datePickerTexts(ViewContext context) {
        Locale locale = context.locale();
        List<String> months = new ArrayList<>();
        for (Month month : Month.values()) {
            months.add(month.getDisplayName(TextStyle.FULL_STANDALONE, locale));
        }
        // the web component counts weekdays from Sunday
        List<String> days = new ArrayList<>();
        List<String> shortDays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            DayOfWeek day = DayOfWeek.SUNDAY.plus(i);
            days.add(day.getDisplayName(TextStyle.FULL_STANDALONE, locale));
            shortDays.add(day.getDisplayName(TextStyle.SHORT_STANDALONE, locale));
        }
        return new DatePicker.DatePickerI18n()
                .setMonthNames(months)
                .setWeekdays(days)
                .setWeekdaysShort(shortDays)
                .setFirstDayOfWeek(1)
                .setDateFormats("yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd")
                .setWeek(context.text("admin.date.week"))
                .setCalendar(context.text("admin.date.calendar"))
                .setToday(context.text("admin.date.today"))
                .setCancel(context.text("admin.date.cancel"))
                .setClear(context.text("admin.date.clear"));
    }

    /** Whether the picker holds typed text that is not a date (its value is then empty, not the typed text). */
    static boolean unreadable(DatePicker picker) {
        return picker.getValue() == null && picker.getElement().getProperty("_hasInputValue", false);
    }
}
