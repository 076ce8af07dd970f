package org.communitykiosk.points.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.StoreException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Needs (精准对接): post "I need someone to ...", see one's own needs (cancel; once a volunteer has helped, "done" with
 * how long it took, which credits the volunteer), and other residents' open needs with "I will help".
 */
final class NeedsView extends VerticalLayout {

    static final int OPEN_SHOWN = 20;

    private final ViewContext context;
    private final JdbcNeeds needs;
    private final ServiceHours hours;
    private final ResidentDirectory residents;
    private final java.time.Clock clock;
    private final Resident resident;
    private final Select<String> category = new Select<>();
    private final TextArea text = new TextArea();
    private final Paragraph error = Screens.error("points-need-error");
    private final VerticalLayout lists = new VerticalLayout();
    private String key = newKey();

    /** @param clock the platform clock in the community's zone */
    NeedsView(ViewContext context, JdbcNeeds needs, ServiceHours hours, ResidentDirectory residents,
            java.time.Clock clock) {
        this.context = context;
        this.needs = needs;
        this.hours = hours;
        this.residents = residents;
        this.clock = clock;
        this.resident = context.session().resident().orElse(null);
        setId("points-needs");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("points-needs-back", context.text("points.back"),
                () -> context.navigate(PointsPlugin.HOME)), Screens.heading(context.text("points.needs.heading")));
        if (resident == null) {
            add(Screens.paragraph("points-no-resident", context.text("points.home.noResident")));
            return;
        }
        category.setId("points-need-category");
        category.setLabel(context.text("points.needs.category"));
        category.setItems(hours.rules().pointsPerHour().keySet());
        category.setItemLabelGenerator(id -> Screens.category(context, id));
        text.setId("points-need-text");
        text.setLabel(context.text("points.needs.text"));
        text.setMaxLength(JdbcNeeds.TEXT_MAX);
        text.setWidthFull();
        Button post = Screens.primaryButton("points-need-post", context.text("points.needs.post"), this::post);
        post.setDisableOnClick(true);
        post.addClickListener(click -> post.setEnabled(true));
        lists.setPadding(false);
        add(category, text, post, error, lists);
        showLists();
    }

    private void post() {
        act(() -> {
            needs.post(resident.id(), category.getValue(), text.getValue(), key, context.session().actor());
            key = newKey();
            text.clear();
        }, "points.needs.posted");
    }

    private void showLists() {
        lists.removeAll();
        lists.add(Screens.heading(context.text("points.needs.mine")));
        List<Need> mine = needs.active(resident.id());
        if (mine.isEmpty()) {
            lists.add(Screens.paragraph("points-needs-mine-empty", context.text("points.needs.none")));
        }
        mine.forEach(need -> lists.add(row(need)));
        lists.add(Screens.heading(context.text("points.needs.open")));
        List<Need> open = needs.open(resident.id(), OPEN_SHOWN);
        if (open.isEmpty()) {
            lists.add(Screens.paragraph("points-needs-open-empty", context.text("points.needs.none")));
        }
        open.forEach(need -> lists.add(row(need)));
    }

    private Div row(Need need) {
        boolean asked = need.requesterId() == resident.id();
        String state = context.text("points.needState." + need.state().name());
        Div row = new Div(Screens.label(state), Screens.paragraph(null, context.text("points.needs.line",
                Screens.category(context, need.category()), need.description(),
                Screens.date(context, need.createdAt()))));
        row.setId("points-need-" + need.id());
        Screens.card(row);
        FlexLayout actions = new FlexLayout();
        actions.getStyle().set("gap", "16px").set("align-items", "flex-end");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        if (!asked && need.state() == Need.State.OPEN) {
            actions.add(Screens.primaryButton("points-need-accept-" + need.id(), context.text("points.needs.accept"),
                    () -> act(() -> needs.accept(need.id(), resident.id(), context.session().actor()),
                            "points.needs.accepted")));
        }
        if (asked && need.state() == Need.State.ACCEPTED) {
            String helper = residents.byId(need.volunteerId()).map(Resident::name).orElse("");
            row.add(Screens.paragraph(null, context.text("points.needs.helper", helper)));
            IntegerField minutes = new IntegerField(context.text("points.log.minutes"));
            minutes.setId("points-need-minutes-" + need.id());
            minutes.setMin(1);
            minutes.setMax(PointsRules.MAX_MINUTES);
            minutes.setValue(60);
            actions.add(minutes, Screens.primaryButton("points-need-done-" + need.id(),
                    context.text("points.needs.done"), () -> act(() -> needs.done(need.id(), resident.id(),
                            LocalDate.now(clock),
                            startFor(minutes.getValue()), minutes.getValue() == null ? 0 : minutes.getValue(),
                            context.session().actor()), "points.needs.thanks")));
        }
        if (asked) {
            actions.add(Screens.bigButton("points-need-cancel-" + need.id(), context.text("points.needs.cancel"),
                    () -> act(() -> needs.cancel(need.id(), resident.id(), context.session().actor()),
                            "points.needs.cancelled")));
        }
        row.add(actions);
        return row;
    }

    /** The help ended about now: it started the given minutes before, but on the same day. */
    private LocalTime startFor(Integer minutes) {
        int m = minutes == null ? 0 : Math.max(0, Math.min(minutes, PointsRules.MAX_MINUTES));
        LocalTime now = LocalTime.now(clock);
        LocalTime start = now.minusMinutes(m);
        return start.isAfter(now) || m >= 24 * 60 ? LocalTime.MIDNIGHT : start;
    }

    private void act(Runnable action, String doneKey) {
        error.setVisible(false);
        try {
            action.run();
            context.notify(context.text(doneKey));
            showLists();
        } catch (InvalidInputException refused) {
            Screens.showError(error, context, refused);
        } catch (StoreException failed) {
            Screens.showError(error, context.text("points.storeFailed"));
        }
    }

    private static String newKey() {
        return "points:need:" + UUID.randomUUID();
    }
}
