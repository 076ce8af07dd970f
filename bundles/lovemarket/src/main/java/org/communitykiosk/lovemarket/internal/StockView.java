package org.communitykiosk.lovemarket.internal;

import java.util.List;

import java.util.Optional;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

/**
 * Staff's stock screen: every item with its stock and a low-stock warning in words, the item form (new, or edit
 * after tapping an item's edit button), goods intake from a donor, and stock adjustments with a reason.
 */
final class StockView extends VerticalLayout {

    private final ViewContext context;
    private final LoveMarket market;
    private final VerticalLayout rows = new VerticalLayout();

    private final TextField name = new TextField();
    private final TextField category = new TextField();
    private final IntegerField price = new IntegerField();
    private final IntegerField limit = new IntegerField();
    private final Select<LimitPeriod> period = new Select<>();
    private final IntegerField lowStock = new IntegerField();
    private final Checkbox active = new Checkbox();
    private final Paragraph itemError = Screens.error("lm-item-error");
    private final Span editing = new Span();
    private Long editingId;

    private final ResidentDirectory residents;
    private final JdbcLottery lotteries;
    private final TextField flagCard = new TextField();
    private final Paragraph flagError = Screens.error("lm-flag-error");
    private final TextField donor = new TextField();
    private final TextField donorCard = new TextField();
    private final IntegerField rewardPoints = new IntegerField();
    private final Select<Item> intakeItem = new Select<>();
    private final IntegerField intakeQuantity = new IntegerField();
    private final Paragraph intakeError = Screens.error("lm-intake-error");

    private final Select<Item> photoItem = new Select<>();
    private final Paragraph photoError = Screens.error("lm-photo-error");

    private final Select<Item> adjustItem = new Select<>();
    private final IntegerField adjustDelta = new IntegerField();
    private final Select<AdjustReason> adjustReason = new Select<>();
    private final Paragraph adjustError = Screens.error("lm-adjust-error");

    StockView(ViewContext context, LoveMarket market, ResidentDirectory residents, Identification identification,
            JdbcLottery lotteries) {
        this.context = context;
        this.lotteries = lotteries;
        this.market = market;
        this.residents = residents;
        // a donor who is a resident taps the card to be thanked with points
        context.onCardTapped(token -> identification.byToken(token).ifPresent(r -> donorCard.setValue(r.cardNumber())));
        setId("lovemarket-stock");
        setMaxWidth(Screens.CONTENT_WIDTH);
        rows.setPadding(false);
        add(Screens.backButton("lm-stock-back", context.text("lovemarket.basket.back"),
                () -> context.navigate(LoveMarketPlugin.SHOP)), Screens.heading(context.text("lovemarket.stock.heading")),
                Screens.bigButton("lm-lottery-link", context.text("lovemarket.stock.lotteries"),
                        () -> context.navigate(LoveMarketPlugin.LOTTERY)),
                Screens.bigButton("lm-charity-link", context.text("lovemarket.stock.charity"),
                        () -> context.navigate(LoveMarketPlugin.CHARITY)),
                rows, itemForm(), photoForm(), intakeForm(), adjustForm(), flagForm());
        refresh();
    }

    private Div itemForm() {
        field(name, "lm-item-name", "lovemarket.stock.name");
        field(category, "lm-item-category", "lovemarket.stock.category");
        field(price, "lm-item-price", "lovemarket.stock.price");
        field(limit, "lm-item-limit", "lovemarket.stock.limit");
        field(lowStock, "lm-item-low", "lovemarket.stock.lowStock");
        period.setId("lm-item-period");
        period.setLabel(context.text("lovemarket.stock.period"));
        period.setItems(LimitPeriod.values());
        period.setItemLabelGenerator(p -> Screens.periodText(context, p));
        active.setId("lm-item-active");
        active.setLabel(context.text("lovemarket.stock.active"));
        editing.setId("lm-item-editing");
        clearItemForm();
        Div form = Screens.card("lm-item-form");
        form.add(Screens.heading(context.text("lovemarket.stock.itemHeading")), editing, name, category, price, limit,
                period, lowStock, active, itemError,
                new HorizontalLayout(Screens.primary("lm-item-save", context.text("lovemarket.stock.save"), this::save),
                        Screens.bigButton("lm-item-clear", context.text("lovemarket.stock.clear"),
                                this::clearItemForm)));
        return form;
    }

    private Div intakeForm() {
        field(donor, "lm-intake-donor", "lovemarket.stock.donor");
        field(donorCard, "lm-intake-card", "lovemarket.stock.donorCard");
        field(rewardPoints, "lm-intake-points", "lovemarket.stock.rewardPoints");
        itemSelect(intakeItem, "lm-intake-item");
        field(intakeQuantity, "lm-intake-qty", "lovemarket.stock.quantity");
        Div form = Screens.card("lm-intake-form");
        form.add(Screens.heading(context.text("lovemarket.stock.intakeHeading")), donor, donorCard, rewardPoints,
                intakeItem, intakeQuantity, intakeError,
                Screens.primary("lm-intake-save", context.text("lovemarket.stock.intakeSave"), this::recordIntake));
        return form;
    }

    private void recordIntake() {
        if (intakeItem.getValue() == null) {
            Screens.show(intakeError, context.text("lovemarket.problem.chooseItem"));
            return;
        }
        String card = donorCard.getValue() == null ? "" : donorCard.getValue().strip();
        Optional<Resident> resident = card.isEmpty() ? Optional.empty() : residents.byCard(card);
        if (!card.isEmpty() && resident.isEmpty()) {
            Screens.show(intakeError, context.text("lovemarket.problem.unknownCard"));
            return;
        }
        int points = value(rewardPoints);
        if (points != 0 && resident.isEmpty()) {
            Screens.show(intakeError, context.text("lovemarket.problem.rewardNeedsCard"));
            return;
        }
        DonorReward reward = points == 0 ? null : new DonorReward(resident.get().id(), points);
        // a resident donor's name is filled in from the card when staff left it empty
        String name = donor.getValue() == null || donor.getValue().isBlank()
                ? resident.map(Resident::name).orElse("") : donor.getValue();
        if (Screens.attempt(context, intakeError, () -> market.intake(name,
                List.of(new IntakeLine(intakeItem.getValue().id(), value(intakeQuantity))), reward,
                context.session().actor()))) {
            context.notify(reward == null ? context.text("lovemarket.stock.intakeDone")
                    : context.text("lovemarket.stock.intakeRewarded", reward.points()));
            donor.clear();
            donorCard.clear();
            rewardPoints.clear();
            intakeQuantity.clear();
            refresh();
        }
    }

    private Div photoForm() {
        itemSelect(photoItem, "lm-photo-item");
        Upload upload = Screens.photoUpload(context, "lm-photo-upload", photoError, this::uploadPhoto);
        Div form = Screens.card("lm-photo-form");
        form.add(Screens.heading(context.text("lovemarket.stock.photoHeading")), photoItem, upload, photoError);
        return form;
    }

    /** Stores an uploaded photo for the chosen item, or says why not. Visible for tests. */
    void uploadPhoto(byte[] bytes) {
        if (photoItem.getValue() == null) {
            Screens.show(photoError, context.text("lovemarket.problem.chooseItem"));
            return;
        }
        Item item = photoItem.getValue();
        if (Screens.attempt(context, photoError, () -> market.setPhoto(item.id(), bytes,
                context.session().actor()))) {
            context.notify(context.text("lovemarket.stock.photoSaved", item.name()));
        }
    }

    /** Households in difficulty, flagged by a member's card number, get the priority quota of lotteries. */
    private Div flagForm() {
        field(flagCard, "lm-flag-card", "lovemarket.stock.flagCard");
        Div form = Screens.card("lm-flag-form");
        form.add(Screens.heading(context.text("lovemarket.stock.flagHeading")),
                Screens.text(null, context.text("lovemarket.stock.flagExplain")), flagCard, flagError,
                new HorizontalLayout(
                        Screens.primary("lm-flag-save", context.text("lovemarket.stock.flag"), () -> flag(true)),
                        Screens.bigButton("lm-flag-remove", context.text("lovemarket.stock.unflag"),
                                () -> flag(false))));
        return form;
    }

    private void flag(boolean on) {
        String card = flagCard.getValue() == null ? "" : flagCard.getValue().strip();
        Optional<Resident> resident = residents.byCard(card);
        if (resident.isEmpty()) {
            Screens.show(flagError, context.text("lovemarket.problem.unknownCard"));
            return;
        }
        String household = resident.get().household();
        if (Screens.attempt(context, flagError, () -> {
            if (on) {
                lotteries.flag(household, context.session().actor());
            } else {
                lotteries.unflag(household, context.session().actor());
            }
        })) {
            context.notify(context.text(on ? "lovemarket.stock.flagged" : "lovemarket.stock.unflagged"));
            flagCard.clear();
        }
    }

    private Div adjustForm() {
        itemSelect(adjustItem, "lm-adjust-item");
        field(adjustDelta, "lm-adjust-delta", "lovemarket.stock.delta");
        adjustReason.setId("lm-adjust-reason");
        adjustReason.setLabel(context.text("lovemarket.stock.reason"));
        adjustReason.setItems(AdjustReason.values());
        adjustReason.setItemLabelGenerator(r -> Screens.reasonText(context, r));
        Div form = Screens.card("lm-adjust-form");
        form.add(Screens.heading(context.text("lovemarket.stock.adjustHeading")), adjustItem, adjustDelta,
                adjustReason, adjustError,
                Screens.primary("lm-adjust-save", context.text("lovemarket.stock.adjustSave"), () -> {
                    if (adjustItem.getValue() == null) {
                        Screens.show(adjustError, context.text("lovemarket.problem.chooseItem"));
                        return;
                    }
                    if (Screens.attempt(context, adjustError, () -> market.adjust(adjustItem.getValue().id(),
                            value(adjustDelta), adjustReason.getValue(), context.session().actor()))) {
                        context.notify(context.text("lovemarket.stock.adjustDone"));
                        adjustDelta.clear();
                        refresh();
                    }
                }));
        return form;
    }

    private void refresh() {
        rows.removeAll();
        List<Item> items = market.items(false);
        if (items.isEmpty()) {
            rows.add(Screens.text("lm-stock-empty", context.text("lovemarket.stock.empty")));
        }
        for (Item item : items) {
            Div row = Screens.card("lm-stock-" + item.id());
            Div states = new Div();
            if (item.lowOnStock()) {
                states.add(Screens.label("lm-low-" + item.id(), context.text("lovemarket.stock.low")));
            }
            if (!item.active()) {
                states.add(Screens.label(null, context.text("lovemarket.stock.inactive")));
            }
            Span title = new Span(item.name());
            Screens.textSize(title, Screens.TITLE_SIZE);
            title.getStyle().set("font-weight", "600");
            row.add(states, title, Screens.text(null, context.text("lovemarket.stock.row", item.category(),
                    item.price(), item.stock())),
                    Screens.bigButton("lm-item-edit-" + item.id(), context.text("lovemarket.stock.edit"),
                            () -> edit(item)));
            rows.add(row);
        }
        intakeItem.setItems(items);
        // a photo upload finishes after staff may have saved another form (which refreshes these lists): the
        // item it was chosen for must still be chosen then, or the photo would be refused
        Long photographing = photoItem.getValue() == null ? null : photoItem.getValue().id();
        photoItem.setItems(items);
        items.stream().filter(item -> Long.valueOf(item.id()).equals(photographing)).findFirst()
                .ifPresent(photoItem::setValue);
        adjustItem.setItems(items);
    }

    private void edit(Item item) {
        editingId = item.id();
        editing.setText(context.text("lovemarket.stock.editing", item.name()));
        name.setValue(item.name());
        category.setValue(item.category());
        price.setValue((int) item.price());
        limit.setValue(item.limitQuantity());
        period.setValue(item.limitPeriod());
        lowStock.setValue(item.lowStock());
        active.setValue(item.active());
    }

    private void clearItemForm() {
        editingId = null;
        editing.setText(context.text("lovemarket.stock.new"));
        name.clear();
        category.clear();
        price.clear();
        limit.setValue(0);
        period.setValue(LimitPeriod.MONTH);
        lowStock.setValue(0);
        active.setValue(true);
        itemError.setVisible(false);
    }

    private void save() {
        ItemDraft draft = new ItemDraft(name.getValue(), category.getValue(), value(price), value(limit),
                period.getValue(), active.getValue(), value(lowStock));
        Long id = editingId;
        if (Screens.attempt(context, itemError, () -> {
            Item saved = id == null ? market.createItem(draft, context.session().actor())
                    : market.editItem(id, draft, context.session().actor());
            context.notify(context.text("lovemarket.stock.saved", saved.name()));
        })) {
            clearItemForm();
            refresh();
        }
    }

    private void itemSelect(Select<Item> select, String id) {
        select.setId(id);
        select.setLabel(context.text("lovemarket.stock.item"));
        select.setItemLabelGenerator(i -> context.text("lovemarket.stock.option", i.name(), i.stock()));
    }

    private void field(com.vaadin.flow.component.textfield.TextField field, String id, String key) {
        field.setId(id);
        field.setLabel(context.text(key));
        field.setWidthFull();
    }

    private void field(IntegerField field, String id, String key) {
        field.setId(id);
        field.setLabel(context.text(key));
    }

    /** An empty number field counts as 0 (the rules refuse it where 0 is not allowed). */
    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }
}
