package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.vaadin.flow.component.button.Button;

class BackupViewTest {

    @TempDir
    Path data;

    private final TestDatabase db = new TestDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theScreenIsForAdministratorsOnly() {
        BackupPlugin plugin = new BackupPlugin(new Backups(db.transactions(), db.auditLog(), db.clock(), data));
        assertEquals("backup", plugin.id());
        assertEquals(Audience.ADMIN, plugin.audience());
        assertTrue(plugin.views().stream().allMatch(v -> v.audience() == Audience.ADMIN));
        plugin.deactivate();
    }

    @Test
    void startRunsOnTheWorkerShowsProgressAndThenTheNewBackup() {
        Backups backups = new Backups(db.transactions(), db.auditLog(), db.clock(), data.resolve("backups"));
        FakeContext context = FakeContext.staff();
        List<Runnable> queued = new ArrayList<>();
        BackupView view = new BackupView(context, backups, queued::add);
        assertEquals(List.of(), FakeContext.ids(view, "backup-2"));

        ((Button) FakeContext.get(view, "backup-start")).click();
        assertTrue(FakeContext.get(view, "backup-progress").isVisible());
        queued.get(0).run();

        assertFalse(FakeContext.get(view, "backup-progress").isVisible());
        String name = backups.list().get(0).name();
        assertEquals(List.of("backup-" + name), FakeContext.ids(view, "backup-2"));
        assertEquals(List.of("Backup finished: " + name), context.notifications);
    }
}
