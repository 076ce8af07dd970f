package org.communitykiosk.admin.internal;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.communitykiosk.admin.internal.Paging.Page;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Staff's list of residents: search by name, card or phone, a page at a time, with "edit" per row, "new resident"
 * and "import". A card tapped on the reader searches for its holder (instead of signing that resident in and the
 * staff member out); a card carries a token, so the search is for the holder's card number.
 */
final class ResidentListView extends VerticalLayout {

    static final int PAGE_SIZE = 20;

    private final ViewContext context;
    private final ResidentDirectory directory;
    private final TextField search = new TextField();
    private final Grid<Resident> grid = new Grid<>();
    private final Paragraph empty;
    private final Paragraph total;
    private final Screens.Pager pager;
    private int pageIndex;

    ResidentListView(ViewContext context, ResidentDirectory directory, Identification identification) {
        this.context = context;
        this.directory = directory;
        setId("residents");
        setMaxWidth(Screens.CONTENT_WIDTH);

        Button create = Screens.bigButton("resident-new", context.text("admin.residents.new"),
                () -> context.navigate(ResidentsPlugin.EDIT));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button importCsv = Screens.bigButton("residents-import", context.text("admin.residents.import"),
                () -> context.navigate(ResidentsPlugin.IMPORT));
        importCsv.setIcon(VaadinIcon.UPLOAD.create());
        HorizontalLayout actions = new HorizontalLayout(create, importCsv);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);

        search.setId("residents-search");
        search.setLabel(context.text("admin.residents.search"));
        search.setHelperText(context.text("admin.residents.search.help"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(500);
        search.setWidth("32em");
        search.getStyle().set("font-size", Screens.TEXT_SIZE);
        search.addValueChangeListener(change -> show(0));

        grid.setId("residents-list");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addColumn(Resident::name).setHeader(context.text("admin.resident.field.name")).setFlexGrow(2);
        grid.addColumn(Resident::cardNumber).setHeader(context.text("admin.resident.field.card")).setFlexGrow(2);
        grid.addColumn(ResidentListView::address).setHeader(context.text("admin.residents.address"))
                .setFlexGrow(2);
        grid.addColumn(Resident::household).setHeader(context.text("admin.resident.field.household"))
                .setFlexGrow(1);
        grid.addComponentColumn(this::editButton).setHeader(context.text("admin.residents.actions"))
                .setAutoWidth(true).setFlexGrow(0);

        empty = Screens.text("residents-empty", context.text("admin.residents.empty"));
        total = Screens.text("residents-total", "");
        pager = new Screens.Pager(context, "residents", step -> show(pageIndex + step));

        add(Screens.backButton("residents-home", context.text("admin.home"), context::home),
                Screens.heading(context.text("admin.residents.heading")), actions, search, total, grid, empty,
                pager);

        // staff tap a resident's card to find them; it must not sign the resident in over the staff session
        context.onCardTapped(token -> identification.byToken(token).ifPresentOrElse(
                holder -> search.setValue(holder.cardNumber()),
                () -> context.notify(context.text("admin.resident.card.tapUnknown"))));
        show(0);
    }

    private void show(int index) {
        pageIndex = Math.max(0, index);
        String text = search.getValue();
        Page<Resident> page = Paging.page(pageIndex, PAGE_SIZE,
                directory.search(text, Paging.offset(pageIndex, PAGE_SIZE), Paging.probeSize(PAGE_SIZE)));
        if (page.isEmpty() && page.hasPrevious()) {
            // the register shrank under us (or a stale page): start again from the first page
            show(0);
            return;
        }
        grid.setItems(page.items());
        grid.setVisible(!page.isEmpty());
        empty.setVisible(page.isEmpty());
        // the directory counts the whole register only, so the total and "of M pages" are shown without a search
        boolean all = text == null || text.isBlank();
        Integer count = all ? directory.count() : null;
        total.setText(all ? context.text("admin.residents.total", count) : "");
        total.setVisible(all);
        pager.show(page, count);
    }

    private Button editButton(Resident resident) {
        Button edit = Screens.bigButton("resident-edit-" + resident.id(), context.text("admin.residents.edit"),
                () -> context.navigate(ResidentsPlugin.EDIT + "/" + resident.id()));
        edit.setIcon(VaadinIcon.EDIT.create());
        // the name makes the button's purpose clear to screen readers without another visible word
        edit.getElement().setAttribute("aria-label",
                context.text("admin.residents.edit.label", resident.name() == null ? "" : resident.name()));
        return edit;
    }

    /** Building and unit, for example "3 / 2-301". */
    static String address(Resident resident) {
        return Stream.of(resident.building(), resident.unit())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" / "));
    }

    /** Visible for tests: the rows shown now. */
    List<Resident> shown() {
        return grid.getListDataView().getItems().toList();
    }
}
