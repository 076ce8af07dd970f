package org.communitykiosk.admin.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.communitykiosk.admin.internal.Paging.Page;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.plugin.ViewContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.StreamResource;

/**
 * The audit log for staff: filter by days (in the community's time zone), actor and action prefix; entries newest
 * first, a page at a time; the same entries as a CSV file. The list is "as of" the moment the filter was applied, so
 * pages do not shift while kiosks keep writing; applying again brings it up to date.
 */
final class AuditView extends VerticalLayout {

    static final int PAGE_SIZE = 25;
    /** Audit action of an export: who took a copy of the log, and of which part. */
    static final String EXPORT_ACTION = "audit.export";

    private static final Logger LOG = LoggerFactory.getLogger(AuditView.class);

    private final ViewContext context;
    private final AuditLog log;
    private final Clock clock;
    private final DatePicker from;
    private final DatePicker to;
    private final TextField actor = new TextField();
    private final TextField action = new TextField();
    private final Paragraph filterError = Screens.error("audit-filter-error");
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Paragraph empty;
    private final Screens.Pager pager;
    private final Anchor export;
    private final Map<Actor.Kind, String> kinds = new EnumMap<>(Actor.Kind.class);
    private AuditFilter filter = AuditFilter.NONE;
    private Instant asOf;
    private int pageIndex;

    AuditView(ViewContext context, AuditLog log, Clock clock) {
        this.context = context;
        this.log = log;
        this.clock = clock;
        setId("audit");
        setMaxWidth(Screens.CONTENT_WIDTH);
        for (Actor.Kind kind : Actor.Kind.values()) {
            kinds.put(kind, kindLabel(context, kind));
        }

        LocalDate today = LocalDate.now(clock.withZone(context.zone()));
        from = Screens.datePicker(context, "audit-from", context.text("admin.audit.from"));
        from.setMax(today);
        to = Screens.datePicker(context, "audit-to", context.text("admin.audit.to"));
        to.setMax(today);
        actor.setId("audit-actor");
        actor.setLabel(context.text("admin.audit.actor"));
        actor.setHelperText(context.text("admin.audit.actor.help"));
        actor.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setLabel(context.text("admin.audit.action"));
        action.setHelperText(context.text("admin.audit.action.help"));
        action.setClearButtonVisible(true);
        for (TextField field : List.of(actor, action)) {
            field.getStyle().set("font-size", Screens.TEXT_SIZE);
            field.addKeyPressListener(Key.ENTER, enter -> apply());
        }
        FormLayout filters = new FormLayout(from, to, actor, action);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        filters.setWidthFull();

        Button apply = Screens.bigButton("audit-apply", context.text("admin.audit.apply"), this::apply);
        apply.setIcon(VaadinIcon.SEARCH.create());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export = Screens.linkButton("audit-export", context.text("admin.audit.export"));
        export.getElement().setAttribute("download", true);
        HorizontalLayout actions = new HorizontalLayout(apply, export);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addColumn(entry -> AuditExport.time(entry.at(), context.zone()))
                .setHeader(context.text("admin.audit.column.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::kioskId).setHeader(context.text("admin.audit.column.kiosk")).setFlexGrow(1);
        grid.addColumn(this::actorText).setHeader(context.text("admin.audit.column.actor")).setFlexGrow(1);
        grid.addColumn(AuditEntry::action).setHeader(context.text("admin.audit.column.action")).setFlexGrow(2);
        grid.addColumn(AuditEntry::subject).setHeader(context.text("admin.audit.column.subject")).setFlexGrow(1);
        grid.addColumn(AuditEntry::detail).setHeader(context.text("admin.audit.column.detail")).setFlexGrow(3);

        empty = Screens.text("audit-empty", context.text("admin.audit.empty"));
        pager = new Screens.Pager(context, "audit", step -> show(pageIndex + step));

        add(Screens.backButton("audit-home", context.text("admin.home"), context::home),
                Screens.heading(context.text("admin.audit.heading")), filters, filterError, actions, grid, empty,
                pager);
        apply();
    }

    private void apply() {
        filterError.setVisible(false);
        if (Screens.unreadable(from) || Screens.unreadable(to)) {
            showFilterError(context.text("admin.audit.filter.unreadable"));
            return;
        }
        AuditFilter wanted = new AuditFilter(from.getValue(), to.getValue(), actor.getValue(), action.getValue());
        if (!wanted.valid()) {
            showFilterError(context.text("admin.audit.filter.range"));
            return;
        }
        filter = wanted;
        asOf = clock.instant();
        export.setHref(exportResource());
        show(0);
    }

    private void show(int index) {
        pageIndex = Math.max(0, index);
        List<AuditEntry> fetched = log.find(filter.query(context.zone(), asOf, Paging.offset(pageIndex, PAGE_SIZE),
                Paging.probeSize(PAGE_SIZE)));
        Page<AuditEntry> page = Paging.page(pageIndex, PAGE_SIZE, fetched);
        grid.setItems(page.items());
        grid.setVisible(!page.isEmpty());
        empty.setVisible(page.isEmpty());
        pager.show(page, null);
    }

    private void showFilterError(String message) {
        filterError.setText(message);
        filterError.setVisible(true);
    }

    /** The file of the applied filter; everything it needs is taken now, it is written by another request. */
    private StreamResource exportResource() {
        AuditExport file = new AuditExport(log, filter, context.zone(), asOf, List.of(
                context.text("admin.audit.column.time") + " (" + context.zone().getId() + ")",
                context.text("admin.audit.column.kiosk"), context.text("admin.audit.column.actorKind"),
                context.text("admin.audit.column.actorId"), context.text("admin.audit.column.action"),
                context.text("admin.audit.column.subject"), context.text("admin.audit.column.detail")), kinds);
        Actor by = context.session().actor();
        String name = "audit-" + AuditExport.TIME.format(asOf.atZone(context.zone())).replaceAll("[^0-9]", "")
                + ".csv";
        StreamResource resource = new StreamResource(name, (out, session) -> {
            int rows = file.write(out);
            try {
                log.record(by, EXPORT_ACTION, null, describe(file.filter(), rows));
            } catch (RuntimeException e) {
                // the file is already sent; a missing entry about it must not look like a failed download
                LOG.warn("audit export by {} could not be recorded", by, e);
            }
        });
        resource.setContentType("text/csv; charset=utf-8");
        resource.setCacheTime(0);
        return resource;
    }

    /** The export's audit detail: the filter and the number of rows (ids and dates only, nothing personal). */
    static String describe(AuditFilter filter, int rows) {
        StringBuilder detail = new StringBuilder("rows=").append(rows);
        if (filter.from() != null) {
            detail.append(" from=").append(filter.from());
        }
        if (filter.to() != null) {
            detail.append(" to=").append(filter.to());
        }
        if (filter.actorId() != null) {
            detail.append(" actor=").append(filter.actorId());
        }
        if (filter.actionPrefix() != null) {
            detail.append(" action=").append(filter.actionPrefix());
        }
        return detail.toString();
    }

    private String actorText(AuditEntry entry) {
        Actor who = entry.actor();
        return who == null ? "" : kinds.get(who.kind()) + " " + who.id();
    }

    static String kindLabel(ViewContext context, Actor.Kind kind) {
        return switch (kind) {
            case STAFF -> context.text("admin.audit.kind.staff");
            case RESIDENT -> context.text("admin.audit.kind.resident");
            case KIOSK -> context.text("admin.audit.kind.kiosk");
            case SYSTEM -> context.text("admin.audit.kind.system");
        };
    }

    /** Visible for tests. */
    List<AuditEntry> shown() {
        return grid.getListDataView().getItems().toList();
    }

    /** Visible for tests. */
    AuditFilter filter() {
        return filter;
    }
}
