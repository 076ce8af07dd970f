package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.upload.UploadLimit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.component.upload.receivers.FileBuffer;

/**
 * Import a plugin archive, from a USB stick (files found are offered as buttons) or by upload. A refused file is
 * explained and changes nothing; an accepted one adds its plugins to the list as not installed. An upload is received
 * into a temporary file only up to {@link #UPLOAD}: the server stops there, whatever the page was made to allow, and
 * deletes what arrived.
 */
final class ImportView extends VerticalLayout {

    /** What one archive upload may send; a kiosk's plugin archives are a few megabytes. */
    static final UploadLimit UPLOAD = UploadLimit.megabytes(200);

    private final ViewContext context;
    private final PluginImport importer;
    private final Executor worker;
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph error = Screens.notice("plugins-import-error");
    private final VerticalLayout offered = new VerticalLayout();
    private boolean running;

    ImportView(ViewContext context, PluginImport importer, Executor worker) {
        this.context = context;
        this.importer = importer;
        this.worker = worker;
        setMaxWidth(Screens.CONTENT_WIDTH);

        progress.setId("plugins-import-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        offered.setId("plugins-import-files");
        offered.setPadding(false);

        add(Screens.backButton("plugins-import-back", context.text("plugins.import.back"), () -> context.navigate("")),
                Screens.heading(context.text("plugins.import.heading")), progress, error,
                Screens.text(context.text("plugins.import.signed")),
                Screens.bigButton("plugins-import-publishers", context.text("plugins.import.publishers"),
                        () -> context.navigate(PluginsPlugin.PUBLISHERS)));
        Paragraph usb = Screens.text(context.text("plugins.import.usb"));
        FileBuffer buffer = new FileBuffer();
        Upload upload = UPLOAD.upload(buffer);
        upload.setId("plugins-import-upload");
        upload.setAcceptedFileTypes(".kar");
        upload.setMaxFiles(1);
        String tooBig = context.text("plugins.import.tooBig", UPLOAD.inMegabytes());
        upload.setI18n(new UploadI18N().setError(new UploadI18N.Error().setFileIsTooBig(tooBig)));
        upload.addSucceededListener(done -> {
            Path file = buffer.getFileData().getFile().toPath();
            run(file, done.getFileName(), true);
        });
        upload.addFileRejectedListener(refused -> showProblem(refused.getErrorMessage()));
        upload.addFailedListener(failed -> {
            if (buffer.getFileData() != null) {
                delete(buffer.getFileData().getFile().toPath());
            }
            showProblem(UploadLimit.exceeded(failed.getReason()) ? tooBig
                    : context.text("plugins.import.failed"));
            upload.clearFileList();
        });
        Paragraph uploadText = Screens.text(context.text("plugins.import.upload"));
        add(usb, offered, uploadText, upload);
        showOffered();
    }

    private void showOffered() {
        offered.removeAll();
        List<Path> files = importer.offered();
        if (files.isEmpty()) {
            Paragraph none = Screens.text(context.text("plugins.import.none"));
            offered.add(none);
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Button button = Screens.bigButton("plugins-import-file-" + i, file.getFileName().toString(),
                    () -> run(file, file.getFileName().toString(), false));
            button.setTooltipText(file.toString());
            offered.add(button);
        }
    }

    private void run(Path file, String name, boolean deleteAfter) {
        if (running) {
            return;
        }
        running = true;
        error.setVisible(false);
        progress.setVisible(true);
        // who is read here, on the UI thread: the session is not reachable from the worker
        Actor actor = context.session().actor();
        UI ui = Screens.uiOf(this);
        try {
            worker.execute(() -> {
                try {
                    List<String> added = importer.importArchive(file, name, actor);
                    Screens.update(ui, () -> done(context.text("plugins.import.done", String.join(", ", added)),
                            null));
                } catch (InvalidInputException refused) {
                    Screens.update(ui, () -> done(null, context.describe(refused)));
                } catch (RuntimeException e) {
                    Screens.update(ui, () -> done(null, context.text("plugins.kar.error.karaf", name)));
                } finally {
                    if (deleteAfter) {
                        delete(file);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            done(null, context.text("plugins.kar.error.karaf", name));
        }
    }

    /** Deletes a temporary upload. */
    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the system cleans its temp folder
        }
    }

    private void showProblem(String problem) {
        error.setText(problem);
        error.setVisible(true);
    }

    private void done(String message, String problem) {
        running = false;
        progress.setVisible(false);
        if (problem == null) {
            context.notify(message);
            context.navigate("");
        } else {
            showProblem(problem);
        }
    }
}
