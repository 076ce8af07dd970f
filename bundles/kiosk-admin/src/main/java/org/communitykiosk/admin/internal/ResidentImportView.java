package org.communitykiosk.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.erasure.DemoResidents;
import org.communitykiosk.api.plugin.AwakeLease;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.ImportProgress;
import org.communitykiosk.api.resident.ImportReport;
import org.communitykiosk.api.resident.ImportReport.RowProblem;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.api.upload.UploadLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.server.StreamResource;

/**
 * Residents from a CSV file. The directory imports all rows or none: the screen shows either how many residents were
 * imported or a table of every rejected row (line number and the problem in words) and that nothing was imported.
 * <p>
 * While the register holds the demo community, the first import of real residents asks first: confirmed, the demo
 * residents (with what the plugins stored for them) are removed and the file imported in one transaction, so a
 * refused file keeps the demo community as it was.
 * <p>
 * The file is received only up to the directory's limit ({@link ResidentDirectory#IMPORT_MAX_BYTES}); a larger one is
 * refused whole, never imported in part. The import runs on a worker thread, off the UI thread: hashing the PINs of a
 * large file takes minutes, and the screen shows how far it has come.
 */
final class ResidentImportView extends VerticalLayout {

    /** What one resident file may send: the directory's limit, which the server enforces while it receives. */
    static final UploadLimit UPLOAD = new UploadLimit(ResidentDirectory.IMPORT_MAX_BYTES);
    /** Rows listed on screen; a file with more bad rows is usually one systematic mistake. */
    static final int MAX_SHOWN = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ResidentImportView.class);

    private final ViewContext context;
    private final ResidentDirectory directory;
    private final DemoResidents demo;
    private final Transactions transactions;
    private final Executor worker;
    private final Upload upload;
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph progressText = Screens.text("import-progress-text", "");
    private final Div demoQuestion = new Div();
    private final Paragraph result = Screens.text("import-result", "");
    private final Grid<RowProblem> rejected = new Grid<>();
    private final Paragraph more = Screens.text("import-more", "");

    ResidentImportView(ViewContext context, ResidentDirectory directory, DemoResidents demo,
            Transactions transactions, Executor worker) {
        this.context = context;
        this.directory = directory;
        this.demo = demo;
        this.transactions = transactions;
        this.worker = worker;
        demoQuestion.setId("import-demo");
        demoQuestion.setVisible(false);
        setId("residents-import-view");
        setMaxWidth(Screens.CONTENT_WIDTH);

        Paragraph explain = Screens.text("import-explain", context.text("admin.import.explain",
                UPLOAD.inMegabytes(), ResidentDirectory.IMPORT_MAX_ROWS));
        Paragraph header = Screens.text("import-header", ResidentTemplate.headerLine());
        header.getStyle().set("font-family", "monospace").set("font-weight", "700")
                .set("padding", "8px 12px").set("background", "#ffffff")
                .set("border", "2px solid var(--lumo-contrast-30pct)").set("border-radius", "8px");
        Paragraph rules = Screens.text("import-rules", context.text("admin.import.rules"));
        rules.getStyle().set("white-space", "pre-line");

        String exampleName = context.text("admin.import.template.exampleName");
        StreamResource template = new StreamResource(ResidentTemplate.FILE_NAME,
                () -> new ByteArrayInputStream(ResidentTemplate.file(exampleName)));
        template.setContentType("text/csv; charset=utf-8");
        Anchor download = Screens.linkButton("import-template", context.text("admin.import.template"));
        download.setHref(template);
        download.getElement().setAttribute("download", true);

        MemoryBuffer buffer = new MemoryBuffer();
        upload = UPLOAD.upload(buffer);
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setI18n(uploadTexts());
        upload.getStyle().set("font-size", Screens.TEXT_SIZE);
        upload.addSucceededListener(done -> {
            try (InputStream in = buffer.getInputStream()) {
                importFile(in);
            } catch (IOException e) {
                showFailure(context.text("admin.import.failed"));
            }
            // ready for the corrected file
            upload.clearFileList();
        });
        upload.addFileRejectedListener(refused -> showFailure(refused.getErrorMessage()));
        upload.addFailedListener(failed -> {
            showFailure(UploadLimit.exceeded(failed.getReason()) ? tooBig() : context.text("admin.import.failed"));
            upload.clearFileList();
        });
        progress.setId("import-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progressText.setVisible(false);

        rejected.setId("import-rejected");
        rejected.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rejected.setAllRowsVisible(true);
        rejected.setSelectionMode(Grid.SelectionMode.NONE);
        rejected.addColumn(row -> Integer.toString(row.line())).setHeader(context.text("admin.import.line"))
                .setAutoWidth(true).setFlexGrow(0);
        rejected.addColumn(row -> column(row.problem())).setHeader(context.text("admin.import.column"))
                .setAutoWidth(true).setFlexGrow(0);
        rejected.addColumn(row -> context.text(row.problem().key(), row.problem().args().toArray()))
                .setHeader(context.text("admin.import.problem")).setFlexGrow(1);
        rejected.setVisible(false);
        more.setVisible(false);
        result.setVisible(false);
        result.getStyle().set("font-weight", "700").set("font-size", "26px");

        add(Screens.backButton("import-back", context.text("admin.import.back"),
                () -> context.navigate(ResidentsPlugin.LIST)),
                Screens.heading(context.text("admin.import.heading")), explain, header, rules, download, upload,
                demoQuestion, progress, progressText, result, rejected, more);
    }

    /** Imports the file and shows the outcome, asking first while demo residents are there. Visible for tests. */
    void importFile(InputStream in) {
        byte[] file;
        try {
            file = in.readNBytes(UPLOAD.maxBytes() + 1);
        } catch (IOException e) {
            showFailure(context.text("admin.import.failed"));
            return;
        }
        if (file.length > UPLOAD.maxBytes()) {
            // refused whole: a file cut at the limit could import its first rows as if they were all
            showFailure(tooBig());
            return;
        }
        demoQuestion.removeAll();
        demoQuestion.setVisible(false);
        int demoResidents = demo.count();
        if (demoResidents == 0) {
            importNow(file, false);
            return;
        }
        result.setVisible(false);
        rejected.setVisible(false);
        more.setVisible(false);
        Paragraph ask = Screens.text("import-demo-ask", context.text("admin.import.demo.ask", demoResidents));
        Button confirm = Screens.bigButton("import-demo-confirm", context.text("admin.import.demo.confirm"), () -> {
            demoQuestion.setVisible(false);
            importNow(file, true);
        });
        Button cancel = Screens.bigButton("import-demo-cancel", context.text("admin.import.demo.cancel"), () -> {
            demoQuestion.setVisible(false);
            showFailure(context.text("admin.import.demo.kept"));
        });
        demoQuestion.add(ask, new Div(confirm, cancel));
        demoQuestion.setVisible(true);
    }

    /** A refused file: nothing may stay removed, so the whole transaction goes back. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ImportReport report;

        Refused(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    /** Starts the import on the worker; the screen shows its progress, then its outcome. */
    private void importNow(byte[] file, boolean removeDemo) {
        // read here, on the UI thread: the session and the UI are not reachable from the worker
        Actor actor = context.session().actor();
        // the screen's own UI: none while it is not shown (a screen built in a unit test)
        UI ui = getUI().orElse(null);
        // staff wait without touching the screen while the PINs are hashed: the idle logout waits too
        AwakeLease waiting = context.keepAwake();
        running(true);
        ImportProgress shown = (hashed, total) -> {
            // at most a hundred steps: each is a message pushed to the browser
            if (hashed == total || hashed % Math.max(1, total / 100) == 0) {
                onUi(ui, () -> showProgress(hashed, total));
            }
        };
        try {
            worker.execute(() -> {
                Runnable outcome = importOffTheScreen(file, removeDemo, actor, shown);
                waiting.close();
                onUi(ui, () -> {
                    running(false);
                    outcome.run();
                });
            });
        } catch (RejectedExecutionException stopping) {
            waiting.close();
            running(false);
            showFailure(context.text("admin.import.failed"));
        }
    }

    /** The import itself, on the worker; returns what the screen then shows. */
    private Runnable importOffTheScreen(byte[] file, boolean removeDemo, Actor actor, ImportProgress progress) {
        try {
            if (!removeDemo) {
                // as before: the directory's own transaction, the PINs hashed outside it
                ImportReport report = directory.importCsv(utf8(file), actor, progress);
                return () -> show(report);
            }
            ImportReport report = transactions.required(c -> {
                demo.remove(actor);
                ImportReport imported = directory.importCsv(utf8(file), actor, progress);
                if (!imported.succeeded()) {
                    throw new Refused(imported);
                }
                return imported;
            });
            return () -> show(report);
        } catch (Refused refused) {
            return () -> show(refused.report);
        } catch (StoreException e) {
            // the state only: a message could quote values from the file, and those are personal data
            LOG.warn("resident import could not be stored (SQLState {})", e.sqlState());
            return () -> showFailure(context.text("admin.store.failed"));
        } catch (RuntimeException e) {
            LOG.warn("resident import failed: {}", e.getClass().getName());
            return () -> showFailure(context.text("admin.import.failed"));
        }
    }

    /** A file that is not UTF-8 arrives with replacement characters, which the directory reports per line. */
    private static Reader utf8(byte[] file) {
        return new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8);
    }

    /** While a file is imported, the upload takes no other and the progress shows instead of a result. */
    private void running(boolean running) {
        upload.getElement().setEnabled(!running);
        progress.setIndeterminate(true);
        progress.setVisible(running);
        progressText.setText(context.text("admin.import.running"));
        progressText.setVisible(running);
        if (running) {
            result.setVisible(false);
            rejected.setVisible(false);
            more.setVisible(false);
        }
    }

    private void showProgress(int hashed, int total) {
        if (total == 0) {
            return;
        }
        progress.setIndeterminate(false);
        progress.setMax(total);
        progress.setValue(hashed);
        progressText.setText(context.text("admin.import.progress", hashed, total));
    }

    /** Runs a change of the screen from the worker; at once where there is no UI (a screen in a unit test). */
    private static void onUi(UI ui, Runnable change) {
        if (ui == null) {
            change.run();
            return;
        }
        try {
            ui.access(change::run);
        } catch (UIDetachedException e) {
            // the screen was left: the import's outcome is in the register and the audit log
        }
    }

    private String tooBig() {
        return context.text("admin.import.upload.tooBig", UPLOAD.inMegabytes());
    }

    private void show(ImportReport report) {
        if (report.succeeded()) {
            result.setText(context.text("admin.import.done", report.imported()));
            result.getStyle().set("color", "var(--lumo-success-text-color)");
            result.setVisible(true);
            rejected.setVisible(false);
            more.setVisible(false);
            return;
        }
        List<RowProblem> problems = report.rejected();
        showFailure(context.text("admin.import.rejected", problems.size()));
        rejected.setItems(problems.size() > MAX_SHOWN ? problems.subList(0, MAX_SHOWN) : problems);
        rejected.setVisible(true);
        more.setText(context.text("admin.import.more", problems.size() - MAX_SHOWN));
        more.setVisible(problems.size() > MAX_SHOWN);
    }

    private void showFailure(String message) {
        result.setText(message);
        result.getStyle().set("color", "var(--lumo-error-text-color)");
        result.setVisible(true);
        rejected.setVisible(false);
        more.setVisible(false);
    }

    /** The CSV column a problem concerns, or empty for the line as a whole. */
    private String column(Problem problem) {
        return problem.field() == null ? "" : ResidentTemplate.column(problem.field());
    }

    private UploadI18N uploadTexts() {
        UploadI18N texts = new UploadI18N();
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(context.text("admin.import.upload.add"))
                .setMany(context.text("admin.import.upload.add")));
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(context.text("admin.import.upload.drop"))
                .setMany(context.text("admin.import.upload.drop")));
        texts.setError(new UploadI18N.Error().setFileIsTooBig(tooBig())
                .setIncorrectFileType(context.text("admin.import.upload.wrongType"))
                .setTooManyFiles(context.text("admin.import.upload.tooMany")));
        texts.setCancel(context.text("admin.import.upload.cancel"));
        return texts;
    }

    /** Visible for tests. */
    Paragraph result() {
        return result;
    }

    /** Visible for tests. */
    Grid<RowProblem> rejected() {
        return rejected;
    }
}
