package org.communitykiosk.plugins.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

/** Start an online backup (the kiosk keeps working meanwhile) and see the backups there are, newest first. */
final class BackupView extends VerticalLayout {

    private final ViewContext context;
    private final Backups backups;
    private final Executor worker;
    private final Button start;
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph error = Screens.notice("backup-error");
    private final VerticalLayout list = new VerticalLayout();

    BackupView(ViewContext context, Backups backups, Executor worker) {
        this.context = context;
        this.backups = backups;
        this.worker = worker;
        setMaxWidth(Screens.CONTENT_WIDTH);

        start = Screens.bigButton("backup-start", context.text("backup.start"), this::startBackup);
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setDisableOnClick(true);
        progress.setId("backup-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        list.setId("backup-list");
        list.setPadding(false);

        Paragraph where = Screens.text(context.text("backup.where", backups.root().toString()));
        add(Screens.backButton("backup-home", context.text("backup.home"), context::home),
                Screens.heading(context.text("backup.heading")), where, start, progress, error, list);
        showList();
    }

    private void showList() {
        list.removeAll();
        List<Backups.Backup> all = backups.list();
        if (all.isEmpty()) {
            Paragraph none = Screens.text(context.text("backup.none"));
            list.add(none);
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.MEDIUM)
                .withLocale(context.locale()).withZone(context.zone());
        for (Backups.Backup backup : all) {
            Div row = new Div();
            row.setText(context.text("backup.entry", format.format(backup.startedAt().atZone(context.zone())),
                    backup.name()));
            row.setId("backup-" + backup.name());
            Screens.textSize(row, Screens.TEXT_SIZE);
            list.add(row);
        }
    }

    private void startBackup() {
        error.setVisible(false);
        progress.setVisible(true);
        // who and where are read here, on the UI thread: the session is not reachable from the worker
        Actor actor = context.session().actor();
        ZoneId zone = context.zone();
        java.util.Locale locale = context.locale();
        UI ui = Screens.uiOf(this);
        try {
            worker.execute(() -> {
                try {
                    Backups.Backup done = backups.start(actor, zone, locale);
                    Screens.update(ui, () -> finish(context.text("backup.done", done.name()), null));
                } catch (InvalidInputException refused) {
                    Screens.update(ui, () -> finish(null, context.describe(refused)));
                } catch (RuntimeException e) {
                    Screens.update(ui, () -> finish(null, context.text("backup.error.failed")));
                }
            });
        } catch (RejectedExecutionException e) {
            finish(null, context.text("backup.error.failed"));
        }
    }

    private void finish(String message, String problem) {
        progress.setVisible(false);
        start.setEnabled(true);
        if (problem == null) {
            context.notify(message);
        } else {
            error.setText(problem);
            error.setVisible(true);
        }
        showList();
    }
}
