package org.communitykiosk.bulletin.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.store.StoreException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Staff's form for a new notice ({@code edit}) or a change to one ({@code edit/<id>}). The store checks the input
 * ({@link NoticeRules}); a refusal is shown next to the fields it concerns and writes nothing.
 */
final class NoticeForm extends VerticalLayout {

    private final ViewContext context;
    private final NoticeBoard board;
    private final TextField title = new TextField();
    private final TextArea body = new TextArea();
    private final DatePicker expires = new DatePicker();
    private final Checkbox pinned = new Checkbox();
    private final Paragraph error = new Paragraph();
    private final Map<String, HasValidation> fields = Map.of(NoticeRules.TITLE, title, NoticeRules.BODY, body,
            NoticeRules.EXPIRES_ON, expires);
    /** Built with the form, once it is known whether a notice is posted or changed. */
    private Button save;

    NoticeForm(ViewContext context, NoticeBoard board, LocalDate today) {
        this.context = context;
        this.board = board;
        setId("notice-form");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("notice-cancel", context.text("bulletin.form.cancel"),
                () -> context.navigate(BulletinPlugin.MANAGE)));

        boolean creating = context.pathSegments().isEmpty();
        Optional<Notice> editing = creating ? Optional.empty() : Screens.noticeFromPath(context, board);
        if (!creating && editing.isEmpty()) {
            Paragraph missing = new Paragraph(context.text("bulletin.notice.missing"));
            missing.setId("notice-missing");
            Screens.textSize(missing, Screens.TEXT_SIZE);
            add(missing);
            return;
        }
        add(Screens.heading(context.text(creating ? "bulletin.form.heading.new" : "bulletin.form.heading.edit")));

        title.setId("notice-form-title");
        title.setLabel(context.text("bulletin.form.title"));
        title.setHelperText(context.text("bulletin.form.title.help", NoticeRules.TITLE_MAX));
        title.setMaxLength(NoticeRules.TITLE_MAX);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();

        body.setId("notice-form-body");
        body.setLabel(context.text("bulletin.form.body"));
        body.setHelperText(context.text("bulletin.form.body.help", NoticeRules.BODY_MAX));
        body.setMaxLength(NoticeRules.BODY_MAX);
        body.setRequiredIndicatorVisible(true);
        body.setWidthFull();
        body.setMinHeight("240px");

        expires.setId("notice-form-expires");
        expires.setLabel(context.text("bulletin.form.expires"));
        expires.setHelperText(context.text("bulletin.form.expires.help"));
        expires.setLocale(context.locale());
        expires.setMin(today);
        expires.setClearButtonVisible(true);

        pinned.setId("notice-form-pinned");
        pinned.setLabel(context.text("bulletin.form.pinned"));

        error.setId("notice-form-error");
        error.setVisible(false);
        Screens.textSize(error, Screens.TEXT_SIZE);
        // several problems not about one field come as lines of one message
        error.getStyle().set("font-weight", "600").set("color", "var(--lumo-error-text-color)")
                .set("white-space", "pre-line");

        editing.ifPresent(notice -> {
            title.setValue(notice.title());
            body.setValue(notice.body());
            expires.setValue(notice.expiresOn());
            pinned.setValue(notice.pinned());
        });
        save = Screens.bigButton("notice-save", context.text(creating ? "bulletin.form.post" : "bulletin.form.save"),
                () -> save(editing.map(Notice::id)));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // a second tap while the first is being saved must not post the notice twice
        save.setDisableOnClick(true);
        add(title, body, expires, pinned, error, new HorizontalLayout(save));
    }

    private void save(Optional<Long> id) {
        clearProblems();
        NoticeDraft draft = new NoticeDraft(title.getValue(), body.getValue(), expires.getValue(), pinned.getValue());
        try {
            Notice saved = id.isPresent()
                    ? board.edit(id.get(), draft, context.session().actor())
                    : board.post(draft, context.session().actor());
            context.notify(context.text("bulletin.form.saved", saved.title()));
            context.navigate(BulletinPlugin.MANAGE);
        } catch (InvalidInputException refused) {
            showProblems(refused);
            save.setEnabled(true);
        } catch (StoreException failed) {
            // keep what was typed on screen so that saving can simply be tried again
            showError(context.text("bulletin.form.storeFailed"));
            save.setEnabled(true);
        }
    }

    private void showProblems(InvalidInputException refused) {
        for (Problem problem : refused.problems()) {
            HasValidation field = problem.field() == null ? null : fields.get(problem.field());
            if (field == null) {
                showError(context.describe(refused));
                return;
            }
            field.setErrorMessage(context.text(problem.key(), problem.args().toArray()));
            field.setInvalid(true);
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void clearProblems() {
        fields.values().forEach(field -> field.setInvalid(false));
        error.setVisible(false);
    }
}
