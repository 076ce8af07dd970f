package org.communitykiosk.lovemarket.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.lovemarket.internal.CharityMarket.Day;
import org.communitykiosk.lovemarket.internal.CharityMarket.Kind;
import org.communitykiosk.lovemarket.internal.CharityMarket.Sale;
import org.communitykiosk.lovemarket.internal.CharityMarket.Stall;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Staff's charity-market screen (爱心集市): a market day, its stalls (the organisation, what it sells, where the money
 * goes), and the sales each stall records, in cash (yuan) or in points paid from the buyer's card. The day's sales are
 * listed; a mistaken one is corrected in a dialog that asks for the reason (a reversing entry, points refunded).
 */
final class CharityView extends VerticalLayout {

    private final ViewContext context;
    private final JdbcCharityMarket charity;
    private final ResidentDirectory residents;

    private final DatePicker date = new DatePicker();
    private final TextField place = new TextField();
    private final Paragraph dayError = Screens.error("lm-market-error");
    private final Select<Day> day = new Select<>();

    private final TextField stallName = new TextField();
    private final TextField stallSells = new TextField();
    private final TextField stallBeneficiary = new TextField();
    private final Paragraph stallError = Screens.error("lm-stall-error");

    private final Select<Stall> saleStall = new Select<>();
    private final Select<Kind> saleKind = new Select<>();
    private final TextField amount = new TextField();
    private final TextField buyerCard = new TextField();
    private final Paragraph saleError = Screens.error("lm-sale-error");
    /** One key per sale on this screen: a double tap on "record" records it once. */
    private String saleKey = UUID.randomUUID().toString();

    private final VerticalLayout sales = new VerticalLayout();
    private final Dialog correctDialog = new Dialog();
    private final Paragraph correctWhat = Screens.text("lm-correct-what", "");
    private final TextField correctReason = new TextField();
    private final Paragraph correctError = Screens.error("lm-correct-error");
    private Sale correcting;

    CharityView(ViewContext context, JdbcCharityMarket charity, ResidentDirectory residents,
            Identification identification, java.time.Clock clock) {
        this.context = context;
        this.charity = charity;
        this.residents = residents;
        setId("lovemarket-charity");
        setMaxWidth(Screens.CONTENT_WIDTH);
        context.onCardTapped(token -> identification.byToken(token).ifPresent(r -> buyerCard.setValue(r.cardNumber())));

        date.setId("lm-market-date");
        date.setLabel(context.text("lovemarket.market.date"));
        date.setValue(LocalDate.now(clock.withZone(context.zone())));
        field(place, "lm-market-place", "lovemarket.market.place");
        Div dayForm = Screens.card("lm-market-form");
        dayForm.add(Screens.heading(context.text("lovemarket.market.newDay")), date, place, dayError,
                Screens.primary("lm-market-create", context.text("lovemarket.market.create"), this::createDay));

        day.setId("lm-market-day");
        day.setLabel(context.text("lovemarket.market.day"));
        day.setItemLabelGenerator(d -> context.text("lovemarket.market.dayLabel", d.date().toString(), d.place()));
        day.addValueChangeListener(change -> showStalls());

        field(stallName, "lm-stall-name", "lovemarket.market.stallName");
        field(stallSells, "lm-stall-sells", "lovemarket.market.stallSells");
        field(stallBeneficiary, "lm-stall-beneficiary", "lovemarket.market.stallBeneficiary");
        Div stallForm = Screens.card("lm-stall-form");
        stallForm.add(Screens.heading(context.text("lovemarket.market.newStall")), stallName, stallSells,
                stallBeneficiary, stallError,
                Screens.primary("lm-stall-add", context.text("lovemarket.market.addStall"), this::addStall));

        saleStall.setId("lm-sale-stall");
        saleStall.setLabel(context.text("lovemarket.market.stall"));
        saleStall.setItemLabelGenerator(Stall::name);
        saleKind.setId("lm-sale-kind");
        saleKind.setLabel(context.text("lovemarket.market.kind"));
        saleKind.setItems(Kind.values());
        saleKind.setItemLabelGenerator(k -> context.text(k == Kind.CASH ? "lovemarket.market.cash"
                : "lovemarket.market.points"));
        saleKind.setValue(Kind.CASH);
        field(amount, "lm-sale-amount", "lovemarket.market.amount");
        field(buyerCard, "lm-sale-card", "lovemarket.market.buyerCard");
        Div saleForm = Screens.card("lm-sale-form");
        saleForm.add(Screens.heading(context.text("lovemarket.market.sale")), saleStall, saleKind, amount, buyerCard,
                saleError, Screens.primary("lm-sale-save", context.text("lovemarket.market.record"), this::sell));

        sales.setId("lm-sales");
        sales.setPadding(false);
        add(Screens.backButton("lm-market-back", context.text("lovemarket.basket.back"),
                () -> context.navigate(LoveMarketPlugin.STOCK)),
                Screens.heading(context.text("lovemarket.market.heading")),
                Screens.bigButton("lm-board-link", context.text("lovemarket.market.boardLink"),
                        () -> context.navigate(LoveMarketPlugin.BOARD)),
                dayForm, day, stallForm, saleForm, Screens.heading(context.text("lovemarket.market.sales")), sales,
                correctDialog());
        showDays();
    }

    private void createDay() {
        if (Screens.attempt(context, dayError, () -> {
            Day created = charity.createDay(date.getValue(), place.getValue(), context.session().actor());
            showDays();
            day.setValue(day.getListDataView().getItems().filter(d -> d.id() == created.id()).findFirst()
                    .orElse(null));
        })) {
            context.notify(context.text("lovemarket.market.created"));
            place.clear();
        }
    }

    private void addStall() {
        if (day.getValue() == null) {
            Screens.show(stallError, context.text("lovemarket.problem.chooseMarket"));
            return;
        }
        if (Screens.attempt(context, stallError, () -> charity.addStall(day.getValue().id(), stallName.getValue(),
                stallSells.getValue(), stallBeneficiary.getValue(), context.session().actor()))) {
            context.notify(context.text("lovemarket.market.stallAdded", stallName.getValue().strip()));
            stallName.clear();
            stallSells.clear();
            stallBeneficiary.clear();
            showStalls();
        }
    }

    private void sell() {
        Stall stall = saleStall.getValue();
        if (stall == null) {
            Screens.show(saleError, context.text("lovemarket.problem.chooseStall"));
            return;
        }
        String key = saleKey;
        if (saleKind.getValue() == Kind.POINTS) {
            String card = buyerCard.getValue() == null ? "" : buyerCard.getValue().strip();
            Optional<Resident> buyer = residents.byCard(card);
            if (buyer.isEmpty()) {
                Screens.show(saleError, context.text("lovemarket.problem.buyerCard"));
                return;
            }
            long points;
            try {
                points = Long.parseLong(amount.getValue().strip());
            } catch (NumberFormatException e) {
                Screens.show(saleError, context.text("lovemarket.problem.pointsAmount", JdbcCharityMarket.POINTS_MAX));
                return;
            }
            // the buyer's points are spent: the buyer enters their PIN on the stall's screen, where they have one
            context.confirmWithPin(buyer.get(), PinAction.POINTS_SPEND, () -> {
                if (Screens.attempt(context, saleError, () -> charity.sellForPoints(stall.id(), buyer.get().id(),
                        points, key, context.session().actor()))) {
                    recorded(stall);
                }
            });
        } else if (Screens.attempt(context, saleError, () -> charity.sellForCash(stall.id(),
                JdbcCharityMarket.parseYuan(amount.getValue()), key, context.session().actor()))) {
            recorded(stall);
        }
    }

    private void recorded(Stall stall) {
        context.notify(context.text("lovemarket.market.recorded", stall.name()));
        saleKey = UUID.randomUUID().toString();
        amount.clear();
        buyerCard.clear();
        showSales();
    }

    /** The dialog stays a child of this screen, so it goes when the screen goes (idle logout included). */
    private Dialog correctDialog() {
        correctDialog.setId("lm-correct-dialog");
        correctDialog.setCloseOnOutsideClick(false);
        correctReason.setId("lm-correct-reason");
        correctReason.setLabel(context.text("lovemarket.market.correctReason"));
        correctReason.setMaxLength(JdbcCharityMarket.LONG_TEXT_MAX);
        correctReason.setWidthFull();
        HorizontalLayout buttons = new HorizontalLayout(
                Screens.primary("lm-correct-confirm", context.text("lovemarket.market.correctConfirm"),
                        this::correct),
                Screens.bigButton("lm-correct-cancel", context.text("lovemarket.market.correctCancel"),
                        correctDialog::close));
        VerticalLayout content = new VerticalLayout(Screens.heading(context.text("lovemarket.market.correctHeading")),
                correctWhat, correctReason, correctError, buttons);
        content.setPadding(false);
        content.setMaxWidth("640px");
        correctDialog.add(content);
        return correctDialog;
    }

    private void openCorrection(Sale sale) {
        correcting = sale;
        correctWhat.setText(context.text(sale.kind() == Kind.POINTS ? "lovemarket.market.correctExplainPoints"
                : "lovemarket.market.correctExplainCash", sale.id(), amountText(sale.kind(), sale.amount())));
        correctReason.clear();
        correctError.setVisible(false);
        correctDialog.open();
    }

    private void correct() {
        Sale sale = correcting;
        if (sale != null && Screens.attempt(context, correctError,
                () -> charity.correct(sale.id(), correctReason.getValue(), context.session().actor()))) {
            correctDialog.close();
            correcting = null;
            context.notify(context.text("lovemarket.market.corrected", sale.id()));
            showSales();
        }
    }

    private void showSales() {
        sales.removeAll();
        List<Sale> all = day.getValue() == null ? List.of() : charity.sales(day.getValue().id());
        if (all.isEmpty()) {
            sales.add(Screens.text("lm-sales-empty", context.text("lovemarket.market.noSales")));
        }
        for (Sale sale : all) {
            Div row = Screens.card("lm-sale-row-" + sale.id());
            String when = LotteryView.WHEN.format(sale.soldAt().atZone(context.zone()));
            if (sale.isCorrection()) {
                row.add(Screens.label(null, context.text("lovemarket.market.correctionLabel")),
                        Screens.text("lm-sale-text-" + sale.id(), context.text("lovemarket.market.correctionRow",
                                sale.id(), when, sale.stallName(), amountText(sale.kind(), sale.amount()),
                                sale.reverses(), sale.reason())));
            } else {
                row.add(Screens.text("lm-sale-text-" + sale.id(), context.text("lovemarket.market.saleRow", sale.id(),
                        when, sale.stallName(), amountText(sale.kind(), sale.amount()))));
                if (sale.corrected()) {
                    row.add(Screens.label("lm-sale-corrected-" + sale.id(),
                            context.text("lovemarket.market.correctedLabel")));
                } else {
                    row.add(Screens.bigButton("lm-sale-correct-" + sale.id(),
                            context.text("lovemarket.market.correct"), () -> openCorrection(sale)));
                }
            }
            sales.add(row);
        }
    }

    private String amountText(Kind kind, long amount) {
        return kind == Kind.CASH ? context.text("lovemarket.market.amountCash", CharityMarket.yuan(amount))
                : context.text("lovemarket.market.amountPoints", amount);
    }

    private void showDays() {
        List<Day> days = charity.days();
        day.setItems(days);
        if (!days.isEmpty()) {
            day.setValue(days.get(0));
        }
    }

    private void showStalls() {
        saleStall.setItems(day.getValue() == null ? List.of() : charity.stalls(day.getValue().id()));
        showSales();
    }

    private void field(TextField field, String id, String key) {
        field.setId(id);
        field.setLabel(context.text(key));
        field.setWidthFull();
    }
}
