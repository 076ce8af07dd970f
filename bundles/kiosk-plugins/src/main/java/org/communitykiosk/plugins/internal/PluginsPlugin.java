package org.communitykiosk.plugins.internal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.plugins.api.PluginManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Staff console: the kiosk's plugins, with install, upgrade and uninstall, for role {@code kiosk-admin} only.
 * <p>
 * View {@code /plugins} (ADMIN). Element ids, kept stable for browser tests: the list {@code plugins-list}; per
 * plugin (by feature name, for example {@code kiosk-bulletin}) {@code plugin-row-<feature>},
 * {@code plugin-state-<feature>} (state in words), {@code plugin-shown-<feature>}, and the buttons present for its
 * state {@code plugin-install-<feature>}, {@code plugin-upgrade-<feature>}, {@code plugin-uninstall-<feature>};
 * while Karaf works {@code plugins-progress} (progress bar, hidden otherwise) and {@code plugins-progress-text};
 * a refusal or failure {@code plugins-error}; to the import screen {@code plugins-import}; back home
 * {@code plugins-home}.
 * <p>
 * View {@code /plugins/import} (ADMIN): archives found on a USB stick as buttons
 * {@code plugins-import-file-<n>} (in {@code plugins-import-files}), {@code plugins-import-upload},
 * {@code plugins-import-progress}, {@code plugins-import-error}, to the trusted publishers
 * {@code plugins-import-publishers}, back to the list {@code plugins-import-back}.
 * <p>
 * View {@code /plugins/publishers} (ADMIN): the trusted publishers ({@code publishers-trusted}: per publisher
 * {@code publisher-<n>-name}, {@code publisher-<n>-fingerprint}, {@code publisher-remove-<n>}), certificates found on a
 * USB stick as buttons {@code publisher-offered-<n>} (in {@code publishers-offered}); one tapped shows
 * {@code publishers-check} with {@code publisher-candidate-name}, {@code publisher-candidate-fingerprint},
 * {@code publisher-trust} and {@code publisher-cancel}; a refusal {@code publishers-error}; back {@code publishers-back}.
 * <p>
 * Karaf's work runs on this component's own single thread, never on a UI thread; the screen is updated through
 * {@code ui.access}.
 */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + PluginsPlugin.ID)
public final class PluginsPlugin implements KioskPlugin {

    static final String ID = "plugins";
    static final String IMPORT = "import";
    static final String PUBLISHERS = "publishers";

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kiosk-plugins-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final List<PluginView> views;

    @Activate
    public PluginsPlugin(@Reference(name = "manager") PluginManager manager,
            @Reference(name = "importer", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) PluginImport importer) {
        this.views = importer == null
                ? List.of(new PluginView("", Audience.ADMIN, context -> new PluginsView(context, manager, worker, false)))
                : List.of(new PluginView("", Audience.ADMIN, context -> new PluginsView(context, manager, worker, true)),
                        new PluginView(IMPORT, Audience.ADMIN, context -> new ImportView(context, importer, worker)),
                        new PluginView(PUBLISHERS, Audience.ADMIN, context -> new PublishersView(context, importer)));
    }

    @Deactivate
    void deactivate() {
        worker.shutdown();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "plugins.title";
    }

    @Override
    public String descriptionKey() {
        return "plugins.description";
    }

    @Override
    public String icon() {
        return "vaadin:puzzle-piece";
    }

    @Override
    public int order() {
        return 920;
    }

    @Override
    public Audience audience() {
        return Audience.ADMIN;
    }

    @Override
    public List<PluginView> views() {
        return views;
    }
}
