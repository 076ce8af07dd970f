package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;

/** The two contributions, built by hand as SCR builds them. */
class PluginsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2024-03-08T04:00:00Z"), TestContext.ZONE);
    private final UI ui = new UI();

    @BeforeEach
    void showInAUi() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void leaveTheUi() {
        UI.setCurrent(null);
    }

    @Test
    void residentsIsAStaffTileWithThreeStaffScreens() throws Exception {
        try (org.communitykiosk.core.testing.TestDatabase db = new org.communitykiosk.core.testing.TestDatabase()) {
            residentsPlugin(new ResidentsPlugin(new FakeResidentDirectory(), db.cards(), new FakeIdentification(),
                    clock, ResidentScreensTest.NO_DEMO, ResidentScreensTest.IN_LINE));
        }
    }

    private static void residentsPlugin(KioskPlugin plugin) throws Exception {
        assertTile(plugin, "residents", "admin.residents.title", "vaadin:users", 900);
        assertEquals(List.of("", "edit", "import"), plugin.views().stream().map(PluginView::path).toList());
        assertEquals("residents", plugin.views().get(0).factory().create(new TestContext()).getId().orElseThrow());
        assertEquals("resident-form", plugin.views().get(1).factory().create(new TestContext()).getId().orElseThrow());
        assertEquals("residents-import-view",
                plugin.views().get(2).factory().create(new TestContext()).getId().orElseThrow());
    }

    @Test
    void auditIsAStaffTileWithOneStaffScreen() throws Exception {
        KioskPlugin plugin = new AuditPlugin(new FakeAuditLog(), clock);
        assertTile(plugin, "audit", "admin.audit.title", "vaadin:records", 910);
        assertEquals(List.of(""), plugin.views().stream().map(PluginView::path).toList());
        assertEquals("audit", plugin.views().get(0).factory().create(new TestContext()).getId().orElseThrow());
    }

    private static void assertTile(KioskPlugin plugin, String id, String titleKey, String icon, int order) {
        assertEquals(id, plugin.id());
        assertEquals(titleKey, plugin.titleKey());
        assertTrue(plugin.descriptionKey().startsWith("admin."));
        assertEquals(icon, plugin.icon());
        assertEquals(order, plugin.order());
        assertEquals(Audience.STAFF, plugin.audience());
        // every screen, not only the tile: a typed address must be refused to residents and passers-by as well
        assertTrue(plugin.views().stream().allMatch(v -> v.audience() == Audience.STAFF));
    }
}
