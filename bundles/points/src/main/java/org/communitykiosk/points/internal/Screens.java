package org.communitykiosk.points.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.points.api.Account;

import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * What every points screen shares: the touch and age-friendly sizes (the theme's, so large-text mode enlarges them),
 * the big back button, labels in words, dates, and the names of categories, kinds and accounts in the kiosk's
 * language.
 */
final class Screens {

    static final String TEXT_SIZE = "var(--lumo-font-size-m)";
    static final String TITLE_SIZE = "var(--lumo-font-size-l)";
    static final String HEADING_SIZE = "var(--lumo-font-size-xl)";
    static final String FIGURE_SIZE = "var(--lumo-font-size-xxxl)";
    static final String CONTENT_WIDTH = "960px";
    static final int PAGE_SIZE = 10;

    private Screens() {
    }

    static H2 heading(String text) {
        H2 heading = new H2(text);
        heading.getStyle().set("font-size", HEADING_SIZE).set("margin", "0");
        return heading;
    }

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

    static Button primaryButton(String id, String text, Runnable action) {
        Button button = bigButton(id, text, action);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    static Paragraph paragraph(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        if (id != null) {
            paragraph.setId(id);
        }
        textSize(paragraph, TEXT_SIZE);
        paragraph.getStyle().set("white-space", "pre-line");
        return paragraph;
    }

    /** A message about a refused input, in words and bold (never colour alone). */
    static Paragraph error(String id) {
        Paragraph error = paragraph(id, "");
        error.setVisible(false);
        error.getStyle().set("font-weight", "600").set("color", "var(--lumo-error-text-color)");
        return error;
    }

    static void showError(Paragraph error, String text) {
        error.setText(text);
        error.setVisible(true);
    }

    static void showError(Paragraph error, ViewContext context, InvalidInputException refused) {
        showError(error, context.describe(refused));
    }

    /** A state in words inside a frame ("待确认", "已确认"). */
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

    static void card(HasStyle component) {
        component.getStyle().set("box-sizing", "border-box").set("padding", "16px 20px").set("width", "100%")
                .set("border", "2px solid var(--lumo-contrast-30pct)").set("border-radius", "12px")
                .set("display", "flex").set("flex-direction", "column").set("gap", "8px");
    }

    static String date(ViewContext context, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(context.locale()).format(date);
    }

    static String date(ViewContext context, Instant instant) {
        return date(context, instant.atZone(context.zone()).toLocalDate());
    }

    /** Minutes as hours with one decimal, for example 90 -> "1.5". */
    static String hours(long minutes) {
        return java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 1,
                java.math.RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }

    /** A configured category's name: its translation, or its id when staff configured one without translation. */
    static String category(ViewContext context, String id) {
        String text = context.text("points.category." + id);
        return text.startsWith("!") ? id : text;
    }

    /** An organisation's name, like {@link #category}; service run by no organisation has a name of its own. */
    static String organisation(ViewContext context, String id) {
        if (id == null) {
            return context.text("points.organisation.none");
        }
        String text = context.text("points.organisation." + id);
        return text.startsWith("!") ? id : text;
    }

    static String kind(ViewContext context, org.communitykiosk.points.api.TransferKind kind) {
        return context.text("points.kind." + kind.name());
    }

    static String status(ViewContext context, HoursEntry.Status status) {
        return context.text("points.status." + status.name());
    }

    /** The other side of a statement line in words; a household member by name (the resident sees their own). */
    static String account(ViewContext context, ResidentDirectory residents, Account account) {
        if (account.equals(Account.ISSUED)) {
            return context.text("points.account.issued");
        }
        if (account.equals(Account.COMMUNITY_POOL)) {
            return context.text("points.account.pool");
        }
        if (account.equals(Account.LOVE_MARKET)) {
            return context.text("points.account.loveMarket");
        }
        if (account.equals(Account.EXPIRY)) {
            return context.text("points.account.expiry");
        }
        return account.residentId().flatMap(residents::byId)
                .map(r -> context.text("points.account.resident", r.name()))
                .orElse(context.text("points.account.other"));
    }
}
