package org.communitykiosk.admin.internal;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentCards;
import org.communitykiosk.api.resident.ResidentCards.Card;
import org.communitykiosk.api.resident.ResidentCards.IssuedCard;
import org.communitykiosk.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.StreamResource;

/**
 * The resident's card on the resident's screen: when the valid card was issued and by whom, and "issue a new card".
 * A new card revokes the one before (after staff confirm), and its token is shown once, in digits and as a QR code,
 * to be written to a card or printed as one; closing the dialog, or leaving the screen, takes it off the screen for
 * good: the kiosk keeps only its hash.
 * <p>
 * Element ids: {@code resident-card} (this section), {@code resident-card-status}, {@code resident-card-issue};
 * confirmation {@code resident-card-confirm} with {@code resident-card-confirm-yes}, {@code -no}; the new card
 * {@code resident-card-issued} with {@code resident-card-token} (digits in groups), {@code resident-card-qr},
 * {@code resident-card-print} (with a printer), {@code resident-card-pdf} (the printout, in the dialog),
 * {@code resident-card-print-error}, {@code resident-card-done}; a refusal {@code resident-card-error}.
 */
final class ResidentCardSection extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(ResidentCardSection.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ViewContext context;
    private final ResidentCards cards;
    private final Supplier<Object> printer;
    private final Resident resident;
    private final Paragraph status = Screens.text("resident-card-status", "");
    private final Paragraph error = Screens.error("resident-card-error");
    private Dialog open;

    /**
     * @param printer the print bundle's {@code Printer} while there is one, else {@code null} (typed Object: Vaadin
     *        reflects on screen classes, and the print API is optional)
     */
    ResidentCardSection(ViewContext context, ResidentCards cards, Supplier<Object> printer, Resident resident) {
        this.context = context;
        this.cards = cards;
        this.printer = printer;
        this.resident = resident;
        setId("resident-card");
        setPadding(false);
        H3 heading = new H3(context.text("admin.card.heading"));
        heading.getStyle().set("font-size", "26px").set("margin", "16px 0 0 0");
        Button issue = Screens.bigButton("resident-card-issue", context.text("admin.card.issue"), this::confirm);
        add(heading, status, issue, error);
        showStatus();
        // the token must not stay on screen once staff leave it: a dialog outlives the screen that opened it
        addDetachListener(detached -> closeDialog());
    }

    private void showStatus() {
        Optional<Card> card = cards.current(resident.id());
        status.setText(card.map(c -> context.text("admin.card.status", DAY.format(c.issuedAt().atZone(
                context.zone())), c.issuedBy().id())).orElseGet(() -> context.text("admin.card.none")));
    }

    private void confirm() {
        error.setVisible(false);
        Dialog dialog = dialog("resident-card-confirm");
        boolean replacing = cards.current(resident.id()).isPresent();
        Paragraph question = Screens.text(null, context.text(replacing ? "admin.card.confirm.replace"
                : "admin.card.confirm.first", resident.name()));
        Button yes = Screens.bigButton("resident-card-confirm-yes", context.text("admin.card.confirm.yes"),
                this::issue);
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        yes.setDisableOnClick(true);
        Button no = Screens.bigButton("resident-card-confirm-no", context.text("admin.card.confirm.no"),
                this::closeDialog);
        HorizontalLayout buttons = new HorizontalLayout(yes, no);
        buttons.getStyle().set("margin-top", "24px");
        dialog.add(question, buttons);
        dialog.open();
    }

    private void issue() {
        IssuedCard issued;
        try {
            issued = cards.issue(resident.id(), context.session().actor());
        } catch (InvalidInputException refused) {
            closeDialog();
            error.setText(context.describe(refused));
            error.setVisible(true);
            return;
        } catch (StoreException failed) {
            closeDialog();
            error.setText(context.text("admin.store.failed"));
            error.setVisible(true);
            return;
        }
        showStatus();
        show(issued);
    }

    /** The new card, once: its token in groups of digits and as a QR code, and the printout. */
    private void show(IssuedCard issued) {
        Dialog dialog = dialog("resident-card-issued");
        dialog.setCloseOnEsc(false);
        H3 heading = new H3(context.text("admin.card.issued.heading", resident.name()));
        Paragraph once = Screens.text(null, context.text("admin.card.issued.once"));
        Span token = new Span(issued.token().grouped());
        token.setId("resident-card-token");
        token.getStyle().set("font-family", "monospace").set("font-size", "34px").set("font-weight", "700")
                .set("letter-spacing", "0.05em").set("white-space", "nowrap");
        Html qr = QrCode.of("resident-card-qr", issued.token().qrPayload(), 240);
        VerticalLayout content = new VerticalLayout(heading, once, token, qr);
        content.setPadding(false);
        Paragraph printError = Screens.error("resident-card-print-error");
        HorizontalLayout buttons = new HorizontalLayout();
        Object currentPrinter = printer.get();
        if (currentPrinter != null) {
            Button print = Screens.bigButton("resident-card-print", context.text("admin.card.print"), () -> {
                printError.setVisible(false);
                byte[] pdf;
                try {
                    pdf = CardPrintout.pdf(currentPrinter, context, resident, issued.token());
                } catch (RuntimeException e) {
                    // no font, or the printer went away: the card can still be written from the digits on screen
                    LOG.warn("card printout failed for resident {}: {}", resident.id(), e.getClass().getSimpleName());
                    printError.setText(context.text("admin.card.print.failed"));
                    printError.setVisible(true);
                    return;
                }
                // the printout shows the code too: it takes the code's place, so the buttons stay on the screen
                content.getChildren().filter(IFrame.class::isInstance).toList().forEach(content::remove);
                qr.setVisible(false);
                StreamResource file = new StreamResource("card.pdf", () -> new ByteArrayInputStream(pdf));
                file.setContentType("application/pdf");
                file.setCacheTime(0);
                IFrame frame = new IFrame();
                frame.setId("resident-card-pdf");
                frame.getElement().setAttribute("src", file);
                frame.setWidth("720px");
                frame.setHeight("440px");
                content.add(frame);
            });
            buttons.add(print);
        }
        Button done = Screens.bigButton("resident-card-done", context.text("admin.card.done"), this::closeDialog);
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        buttons.add(done);
        dialog.add(content, printError, buttons);
        dialog.open();
    }

    private Dialog dialog(String id) {
        closeDialog();
        Dialog dialog = new Dialog();
        dialog.setId(id);
        dialog.setCloseOnOutsideClick(false);
        dialog.setModal(true);
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened() && open == dialog) {
                open = null;
            }
        });
        open = dialog;
        return dialog;
    }

    private void closeDialog() {
        Dialog dialog = open;
        if (dialog != null) {
            open = null;
            dialog.removeAll();
            dialog.close();
        }
    }

    /** Visible for tests: the dialog open now, if any. */
    Optional<Dialog> dialog() {
        return Optional.ofNullable(open);
    }

    /** Visible for tests. */
    Paragraph status() {
        return status;
    }
}
