package org.communitykiosk.points.internal;

import java.util.List;
import java.util.UUID;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Ledger;
import org.communitykiosk.points.api.Transfer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;

/**
 * Give points to a member of the same household, or donate them to the community pool. One idempotency key per
 * screen visit and per completed gift: a double tap gives once.
 */
final class TransferView extends VerticalLayout {

    private final ViewContext context;
    private final Ledger ledger;
    private final Resident resident;
    private final Select<Resident> member = new Select<>();
    private final IntegerField points = new IntegerField();
    private final Paragraph balance = Screens.paragraph("points-transfer-balance", "");
    private final Paragraph error = Screens.error("points-transfer-error");
    private final Paragraph done = Screens.paragraph("points-transfer-done", "");
    private String key = newKey();

    TransferView(ViewContext context, Ledger ledger, ResidentDirectory residents) {
        this.context = context;
        this.ledger = ledger;
        this.resident = context.session().resident().orElse(null);
        setId("points-transfer");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("points-transfer-back", context.text("points.back"),
                () -> context.navigate(PointsPlugin.HOME)), Screens.heading(context.text("points.transfer.heading")));
        if (resident == null) {
            add(Screens.paragraph("points-no-resident", context.text("points.home.noResident")));
            return;
        }
        showBalance();

        List<Resident> household = resident.household() == null || resident.household().isBlank() ? List.of()
                : residents.household(resident.household()).stream().filter(r -> r.id() != resident.id()).toList();
        member.setId("points-transfer-member");
        member.setLabel(context.text("points.transfer.member"));
        member.setItems(household);
        member.setItemLabelGenerator(Resident::name);
        member.setEmptySelectionAllowed(false);
        member.setWidthFull();
        if (household.size() == 1) {
            member.setValue(household.get(0));
        }

        points.setId("points-transfer-points");
        points.setLabel(context.text("points.transfer.points"));
        points.setMin(1);
        points.setStepButtonsVisible(true);
        points.setValue(10);

        Button give = Screens.primaryButton("points-transfer-submit", context.text("points.transfer.submit"),
                this::give);
        give.setDisableOnClick(true);
        give.setEnabled(!household.isEmpty());
        Button donate = Screens.bigButton("points-donate-submit", context.text("points.transfer.donate"),
                this::donate);
        donate.setDisableOnClick(true);
        FlexLayout buttons = new FlexLayout(give, donate);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.getStyle().set("gap", "16px");
        done.setVisible(false);
        if (household.isEmpty()) {
            add(Screens.paragraph("points-transfer-no-household", context.text("points.transfer.noHousehold")));
        } else {
            add(member);
        }
        add(points, error, done, buttons);
        give.addClickListener(click -> give.setEnabled(true));
        donate.addClickListener(click -> donate.setEnabled(true));
    }

    private void give() {
        if (member.getValue() == null) {
            Screens.showError(error, context.text("points.transfer.chooseMember"));
            return;
        }
        Resident to = member.getValue();
        long points = value();
        String once = key;
        context.confirmWithPin(resident, PinAction.POINTS_TRANSFER,
                () -> run(() -> ledger.transferToHousehold(resident.id(), to.id(), points, once,
                        context.session().actor()), context.text("points.transfer.given", points, to.name())));
    }

    /** A donation gives the points away as a transfer does: with the resident's PIN. */
    private void donate() {
        long points = value();
        String once = key;
        context.confirmWithPin(resident, PinAction.POINTS_TRANSFER,
                () -> run(() -> ledger.donate(resident.id(), points, once, context.session().actor()),
                        context.text("points.transfer.donated", points)));
    }

    private void run(java.util.function.Supplier<Transfer> write, String message) {
        error.setVisible(false);
        done.setVisible(false);
        try {
            write.get();
            key = newKey();
            done.setText(message);
            done.setVisible(true);
            context.notify(message);
            showBalance();
        } catch (InvalidInputException refused) {
            Screens.showError(error, context, refused);
        } catch (StoreException failed) {
            Screens.showError(error, context.text("points.storeFailed"));
        }
    }

    private long value() {
        return points.getValue() == null ? 0 : points.getValue();
    }

    private void showBalance() {
        balance.setText(context.text("points.home.balance", ledger.balance(Account.resident(resident.id()))));
        if (balance.getParent().isEmpty()) {
            add(balance);
        }
    }

    private static String newKey() {
        return "points:give:" + UUID.randomUUID();
    }
}
