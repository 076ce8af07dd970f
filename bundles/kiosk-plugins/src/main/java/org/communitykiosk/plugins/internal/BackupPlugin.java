package org.communitykiosk.plugins.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Staff console: online backup of the kiosk database into {@code ${karaf.data}/backups/<yyyyMMdd-HHmmss>}, for role
 * {@code kiosk-admin} only. Derby only (on PostgreSQL the screen says the server does backups).
 * <p>
 * View {@code /backup} (ADMIN). Element ids, kept stable for browser tests: {@code backup-start};
 * {@code backup-progress} (while Derby copies); {@code backup-error}; {@code backup-list}, each backup
 * {@code backup-<yyyyMMdd-HHmmss>}; back home {@code backup-home}.
 */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + BackupPlugin.ID)
public final class BackupPlugin implements KioskPlugin {

    static final String ID = "backup";
    static final String BACKUP_DIR = "kiosk.backup.dir";

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kiosk-backup-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final List<PluginView> views;

    @Activate
    public BackupPlugin(@Reference(name = "backups") Backups backups) {
        this.views = List.of(new PluginView("", Audience.ADMIN, context -> new BackupView(context, backups, worker)));
    }

    /**
     * {@code ${karaf.data}/backups}, or the folder in the system property {@value #BACKUP_DIR} (for example a second
     * disk): backups under {@code data/} are lost when Karaf is started with {@code clean}.
     */
    static Path backupRoot() {
        String configured = System.getProperty(BACKUP_DIR);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("karaf.data", "data")).resolve("backups");
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
        return "backup.title";
    }

    @Override
    public String descriptionKey() {
        return "backup.description";
    }

    @Override
    public String icon() {
        return "vaadin:database";
    }

    @Override
    public int order() {
        return 940;
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
