package org.communitykiosk.deliberation.internal;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.deliberation.internal.Matters.Category;
import org.communitykiosk.deliberation.internal.Matters.MatterDraft;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** A resident raises a matter: title, description, category, building or grid. */
final class RaiseView extends VerticalLayout {

    RaiseView(ViewContext context, Matters matters) {
        setId("raise-form");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("raise-back", context.text("deliberation.back"), () -> context.navigate("")));
        add(Screens.heading(context.text("deliberation.raise.heading")));

        TextField title = new TextField(context.text("deliberation.raise.title"));
        title.setId("raise-title");
        title.setMaxLength(JdbcMatters.TITLE_MAX);
        title.setWidthFull();
        TextArea description = new TextArea(context.text("deliberation.raise.description"));
        description.setId("raise-description");
        description.setMaxLength(JdbcMatters.DESCRIPTION_MAX);
        description.setWidthFull();
        Select<Category> category = new Select<>();
        category.setId("raise-category");
        category.setLabel(context.text("deliberation.raise.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> context.text("deliberation.category." + c.name()));
        TextField location = new TextField(context.text("deliberation.raise.location"));
        location.setId("raise-location");
        location.setMaxLength(JdbcMatters.LOCATION_MAX);
        location.setWidthFull();
        context.session().resident().map(Resident::building).filter(b -> b != null && !b.isBlank())
                .ifPresent(location::setValue);
        Paragraph error = Screens.text("raise-error", "");

        add(title, description, category, location, error, Screens.bigButton("raise-submit",
                context.text("deliberation.raise.submit"), () -> {
                    try {
                        Resident resident = context.session().resident().orElseThrow(
                                () -> org.communitykiosk.api.InvalidInputException.of(null,
                                        "deliberation.problem.residentOnly"));
                        matters.raise(new MatterDraft(title.getValue(), description.getValue(), category.getValue(),
                                location.getValue()), resident);
                        context.notify(context.text("deliberation.raise.done"));
                        context.navigate("");
                    } catch (RuntimeException e) {
                        error.setText(Screens.failure(context, e));
                    }
                }));
    }
}
