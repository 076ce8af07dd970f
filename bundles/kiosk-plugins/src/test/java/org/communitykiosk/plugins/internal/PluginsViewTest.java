package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

class PluginsViewTest {

    private final FakeCatalog karaf = new FakeCatalog();
    private final FakeAudit audit = new FakeAudit();
    private final FeaturePluginManager manager = new FeaturePluginManager(karaf, audit, List::of);

    @Test
    void theScreenIsForAdministratorsOnly() {
        PluginsPlugin plugin = new PluginsPlugin(manager, null);
        assertEquals("plugins", plugin.id());
        assertEquals(Audience.ADMIN, plugin.audience());
        assertTrue(plugin.views().stream().allMatch(v -> v.audience() == Audience.ADMIN));
    }

    @Test
    void listsPluginsWithStateInWordsAndTheActionsThatFit() {
        karaf.feature("kiosk-bulletin", "0.1.0", true, "bulletin").feature("kiosk-points", "0.1.0", false);
        PluginsView view = new PluginsView(FakeContext.staff(), manager, Runnable::run, false);
        assertEquals(List.of("plugin-row-kiosk-bulletin", "plugin-row-kiosk-points"), FakeContext.ids(view, "plugin-row-"));
        assertEquals("Installed", ((Span) FakeContext.get(view, "plugin-state-kiosk-bulletin")).getText());
        assertEquals("Not installed", ((Span) FakeContext.get(view, "plugin-state-kiosk-points")).getText());
        assertTrue(FakeContext.find(view, "plugin-uninstall-kiosk-bulletin").isPresent());
        assertFalse(FakeContext.find(view, "plugin-install-kiosk-bulletin").isPresent());
        assertTrue(FakeContext.find(view, "plugin-install-kiosk-points").isPresent());
        assertFalse(FakeContext.get(view, "plugins-progress").isVisible());
    }

    @Test
    void installRunsOnTheWorkerAndTheListFollowsKaraf() {
        karaf.feature("kiosk-points", "0.1.0", false);
        FakeContext context = FakeContext.staff();
        List<Runnable> queued = new java.util.ArrayList<>();
        PluginsView view = new PluginsView(context, manager, queued::add, false);
        ((Button) FakeContext.get(view, "plugin-install-kiosk-points")).click();
        Component progress = FakeContext.get(view, "plugins-progress");
        assertTrue(progress.isVisible(), "progress shown while Karaf works");
        assertEquals(List.of(), karaf.calls, "nothing done on the UI thread");

        queued.get(0).run();
        assertEquals(List.of("install kiosk-points 0.1.0"), karaf.calls);
        assertFalse(progress.isVisible());
        assertEquals("Installed", ((Span) FakeContext.get(view, "plugin-state-kiosk-points")).getText());
        assertEquals(List.of("kiosk-points: Installed"), context.notifications);
        assertEquals(List.of("staff:admin plugins.install feature:kiosk-points ok 0.1.0 INSTALLED"), audit.lines);
    }

    @Test
    void aRefusalIsShownInWords() {
        karaf.feature("kiosk-future", "2.0.0", false);
        karaf.imports.put("mvn:test/kiosk-future/2.0.0", "org.communitykiosk.api.plugin;version=\"[2.0,3)\"");
        PluginsView view = new PluginsView(FakeContext.staff(), manager, Runnable::run, false);
        ((Button) FakeContext.get(view, "plugin-install-kiosk-future")).click();
        Paragraph error = (Paragraph) FakeContext.get(view, "plugins-error");
        assertTrue(error.isVisible());
        assertEquals("kiosk-future needs platform version [2.0.0,3.0.0), this kiosk has 1.0.0. Nothing was installed.",
                error.getText());
        assertEquals("Not installed", ((Span) FakeContext.get(view, "plugin-state-kiosk-future")).getText());
    }
}
