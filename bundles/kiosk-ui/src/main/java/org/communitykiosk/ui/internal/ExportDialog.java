package org.communitykiosk.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

/**
 * Where a staff export goes: staff choose one of the removable media mounted under the configured roots
 * ({@link RemovableMedia}) and the file is written there, never into the public kiosk's disk or its browser's
 * downloads. Each file saved is audited (its name, size and medium, never its content).
 */
final class ExportDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ExportDialog.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final transient Shell shell;
    private final Locale locale;
    private final String fileName;
    private final byte[] content;
    private final transient Actor staff;
    private final RadioButtonGroup<RemovableMedia.Medium> media = new RadioButtonGroup<>();
    private final Paragraph message = new Paragraph();
    private final Button save;

    ExportDialog(Shell shell, Locale locale, Actor staff, String fileName, byte[] content) {
        this.shell = shell;
        this.locale = locale;
        this.staff = staff;
        this.fileName = fileName;
        this.content = content;
        setId("export-dialog");
        setCloseOnOutsideClick(false);
        media.setId("export-media");
        media.setItemLabelGenerator(RemovableMedia.Medium::label);
        message.setId("export-message");
        message.addClassName("kiosk-error");
        save = button("export-save", "shell.export.save", this::save);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button again = button("export-refresh", "shell.export.refresh", this::lookForMedia);
        Button cancel = button("export-cancel", "shell.export.cancel", () -> {
            close();
            getElement().removeFromParent();
        });
        add(new H2(text("shell.export.title")), new Paragraph(text("shell.export.explain", fileName)), media, message,
                new Div(save, again, cancel));
        lookForMedia();
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(text(key), e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_LARGE);
        return button;
    }

    private void lookForMedia() {
        KioskSettings settings = shell.settings().get();
        List<RemovableMedia.Medium> found = RemovableMedia.mounted(settings.exportRoots());
        media.setItems(found);
        if (found.size() == 1) {
            media.setValue(found.get(0));
        }
        save.setEnabled(!found.isEmpty());
        message.setText(found.isEmpty() ? text("shell.export.noMedium") : "");
    }

    private void save() {
        RemovableMedia.Medium medium = media.getValue();
        if (medium == null) {
            message.setText(text("shell.export.choose"));
            return;
        }
        KioskSettings settings = shell.settings().get();
        String name = settings.kioskId().replaceAll("[^A-Za-z0-9_-]", "") + "-"
                + STAMP.format(LocalDateTime.now(settings.zone())) + "-" + fileName;
        try {
            Path file = RemovableMedia.write(medium, name, content);
            shell.audit().record(staff, "kiosk.export", "file:" + name,
                    content.length + " bytes to " + medium.mountPoint());
            message.removeClassName("kiosk-error");
            message.setText(text("shell.export.saved", name, medium.label()));
            save.setEnabled(false);
            LOG.info("export {} written to {} by {}", name, file.getParent(), staff);
        } catch (IOException | RuntimeException e) {
            LOG.warn("export {} to {} failed: {}", name, medium.mountPoint(), e.toString());
            lookForMedia();
            message.setText(text("shell.export.failed", medium.label()));
        }
    }

    private String text(String key, Object... args) {
        return shell.translations().text(locale, key, args);
    }
}
