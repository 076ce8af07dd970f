package org.communitykiosk.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.erasure.DemoResidents;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.ImportReport;
import org.communitykiosk.api.resident.ImportReport.RowProblem;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.api.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
 */
final class ResidentImportView extends VerticalLayout {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Rows listed on screen; a file with more bad rows is usually one systematic mistake. */
    static final int MAX_SHOWN = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ResidentImportView.class);

    private final ViewContext context;
    private final ResidentDirectory directory;
    private final DemoResidents demo;
    private final Transactions transactions;
    private final Div demoQuestion = new Div();
    private final Paragraph result = Screens.text("import-result", "");
    private final Grid<RowProblem> rejected = new Grid<>();
    private final Paragraph more = Screens.text("import-more", "");

    ResidentImportView(ViewContext context, ResidentDirectory directory, DemoResidents demo,
            Transactions transactions) {
        this.context = context;
        this.directory = directory;
        this.demo = demo;
        this.transactions = transactions;
        demoQuestion.setId("import-demo");
        demoQuestion.setVisible(false);
        setId("residents-import-view");
        setMaxWidth(Screens.CONTENT_WIDTH);

        Paragraph explain = Screens.text("import-explain", context.text("admin.import.explain"));
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
        Upload upload = new Upload(buffer);
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(MAX_BYTES);
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
            showFailure(context.text("admin.import.failed"));
            upload.clearFileList();
        });

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
                demoQuestion, result, rejected, more);
    }

    /** Imports the file and shows the outcome, asking first while demo residents are there. Visible for tests. */
    void importFile(InputStream in) {
        byte[] file;
        try {
            file = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            showFailure(context.text("admin.import.failed"));
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

    private void importNow(byte[] file, boolean removeDemo) {
        Actor actor = context.session().actor();
        try {
            if (!removeDemo) {
                // as before: the directory's own transaction, the PINs hashed outside it
                show(directory.importCsv(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8),
                        actor));
                return;
            }
            ImportReport report = transactions.required(c -> {
                if (removeDemo) {
                    demo.remove(actor);
                }
                // a file that is not UTF-8 arrives with replacement characters, which the directory reports per line
                try (Reader reader = new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
                    ImportReport imported = directory.importCsv(reader, actor);
                    if (removeDemo && !imported.succeeded()) {
                        throw new Refused(imported);
                    }
                    return imported;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            show(report);
        } catch (Refused refused) {
            show(refused.report);
        } catch (StoreException e) {
            // the state only: a message could quote values from the file, and those are personal data
            LOG.warn("resident import could not be stored (SQLState {})", e.sqlState());
            showFailure(context.text("admin.store.failed"));
        } catch (java.io.UncheckedIOException e) {
            showFailure(context.text("admin.import.failed"));
        }
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
        texts.setError(new UploadI18N.Error().setFileIsTooBig(context.text("admin.import.upload.tooBig"))
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
