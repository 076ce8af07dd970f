package org.communitykiosk.plugins.internal;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginManager;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * Every plugin with its version and state in words, and the one action that fits its state. While Karaf works the
 * buttons are disabled and a progress bar with the action in words is shown; the list is read again from Karaf
 * afterwards, so it shows what Karaf has, never what the screen expected.
 */
final class PluginsView extends VerticalLayout {

    private final ViewContext context;
    private final PluginManager manager;
    private final Executor worker;
    private final VerticalLayout list = new VerticalLayout();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Paragraph error = Screens.notice("plugins-error");
    private boolean running;

    PluginsView(ViewContext context, PluginManager manager, Executor worker, boolean canImport) {
        this.context = context;
        this.manager = manager;
        this.worker = worker;
        setMaxWidth(Screens.CONTENT_WIDTH);

        list.setId("plugins-list");
        list.setPadding(false);
        progress.setId("plugins-progress");
        progress.setIndeterminate(true);
        progressText.setId("plugins-progress-text");
        Screens.textSize(progressText, Screens.TEXT_SIZE);
        showProgress(false);

        add(Screens.backButton("plugins-home", context.text("plugins.home"), context::home),
                Screens.heading(context.text("plugins.heading")));
        if (canImport) {
            add(Screens.bigButton("plugins-import", context.text("plugins.import"),
                    () -> context.navigate(PluginsPlugin.IMPORT)));
        }
        add(progressText, progress, error, list);
        showList();
    }

    private void showList() {
        list.removeAll();
        List<PluginInfo> plugins = manager.list();
        if (plugins.isEmpty()) {
            Paragraph empty = Screens.text(context.text("plugins.empty"));
            list.add(empty);
        }
        plugins.forEach(plugin -> list.add(row(plugin)));
    }

    private Div row(PluginInfo plugin) {
        String feature = plugin.featureName();
        Span state = Screens.label(context.text("plugins.state." + stateKey(plugin.state())));
        state.setId("plugin-state-" + feature);
        Span shown = Screens.label(context.text(plugin.shownOnThisKiosk() ? "plugins.shown" : "plugins.notShown"));
        shown.setId("plugin-shown-" + feature);

        Span name = new Span(plugin.name());
        Screens.textSize(name, Screens.TITLE_SIZE);
        name.getStyle().set("font-weight", "600");
        Paragraph version = new Paragraph(plugin.state() == PluginInfo.State.UPDATE_AVAILABLE
                ? context.text("plugins.versionUpdate", feature, plugin.version(), plugin.availableVersion())
                : context.text("plugins.version", feature, plugin.version()));
        Screens.textSize(version, Screens.TEXT_SIZE);
        version.getStyle().set("margin", "0");

        HorizontalLayout actions = new HorizontalLayout();
        if (!plugin.installed()) {
            Button install = action("plugin-install-" + feature, "plugins.install",
                    actor -> manager.install(feature, actor), "plugins.installing", feature);
            install.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(install);
        } else {
            if (plugin.state() == PluginInfo.State.UPDATE_AVAILABLE) {
                actions.add(action("plugin-upgrade-" + feature, "plugins.upgrade",
                        actor -> manager.upgrade(feature, actor), "plugins.upgrading", feature));
            }
            actions.add(action("plugin-uninstall-" + feature, "plugins.uninstall",
                    actor -> manager.uninstall(feature, actor), "plugins.uninstalling", feature));
        }

        Div row = new Div(new Div(state, shown), name, version, actions);
        row.setId("plugin-row-" + feature);
        row.setWidthFull();
        row.getStyle().set("box-sizing", "border-box").set("padding", "16px 20px")
                .set("border", "2px solid var(--lumo-contrast-30pct)").set("border-radius", "12px")
                .set("display", "flex").set("flex-direction", "column").set("gap", "8px");
        return row;
    }

    private static String stateKey(PluginInfo.State state) {
        return switch (state) {
            case INSTALLED -> "installed";
            case NOT_INSTALLED -> "notInstalled";
            case FAILED -> "failed";
            case UPDATE_AVAILABLE -> "updateAvailable";
        };
    }

    private Button action(String id, String textKey, Function<Actor, PluginInfo> work, String progressKey, String feature) {
        return Screens.bigButton(id, context.text(textKey), () -> start(work, progressKey, feature));
    }

    /** Karaf's work off the UI thread; the screen follows through ui.access when it is done. */
    private void start(Function<Actor, PluginInfo> work, String progressKey, String feature) {
        if (running) {
            return;
        }
        running = true;
        error.setVisible(false);
        progressText.setText(context.text(progressKey, feature));
        showProgress(true);
        list.setEnabled(false);
        // who and where are read here, on the UI thread: the session is not reachable from the worker
        Actor actor = context.session().actor();
        UI ui = Screens.uiOf(this);
        try {
            worker.execute(() -> {
                try {
                    PluginInfo after = work.apply(actor);
                    Screens.update(ui, () -> done(context.text("plugins.done", after.featureName(),
                            context.text("plugins.state." + stateKey(after.state()))), null));
                } catch (InvalidInputException refused) {
                    Screens.update(ui, () -> done(null, context.describe(refused)));
                } catch (RuntimeException e) {
                    Screens.update(ui, () -> done(null, context.text("plugins.error.unexpected", feature)));
                }
            });
        } catch (RejectedExecutionException e) {
            done(null, context.text("plugins.error.unexpected", feature));
        }
    }

    private void done(String message, String problem) {
        running = false;
        showProgress(false);
        list.setEnabled(true);
        if (problem != null) {
            error.setText(problem);
            error.setVisible(true);
        } else {
            context.notify(message);
        }
        showList();
    }

    private void showProgress(boolean visible) {
        progress.setVisible(visible);
        progressText.setVisible(visible);
    }
}
