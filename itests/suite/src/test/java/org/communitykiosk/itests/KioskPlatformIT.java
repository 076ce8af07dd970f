package org.communitykiosk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.device.DeviceConnector;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Ledger;
import org.communitykiosk.points.api.Transfer;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The real kiosk distribution, booted by Pax Exam: every feature installed, the platform's services active on the
 * real Derby database, and a plugin feature removed and installed again while Karaf runs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
// by name, so the uninstall/install cycle comes last: after it, the test probe's import of the ledger API would still
// be wired to the points bundle it removed, and could not see the new one's service
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class KioskPlatformIT {

    static final int HTTP_PORT = 18181;

    @Inject
    BundleContext context;

    // Karaf registers it once the boot features are installed and started: before that, bundles may still be
    // refreshed (new optional imports wired) and briefly not active
    @Inject
    @Filter(timeout = 120_000)
    BootFinished bootFinished;

    @Inject
    FeaturesService features;

    @Inject
    ServiceComponentRuntime components;

    // injection waits for these, so the tests start once the platform is up
    @Inject
    @Filter(timeout = 120_000)
    ResidentDirectory residents;

    @Inject
    @Filter(timeout = 120_000)
    Identification identification;

    @Inject
    @Filter(timeout = 120_000)
    Transactions transactions;

    @Inject
    @Filter(timeout = 120_000)
    AuditLog audit;

    @Inject
    @Filter(timeout = 120_000)
    KioskSettings settings;

    @Inject
    @Filter(timeout = 120_000)
    DeviceConnector deviceConnector;

    @Configuration
    public Option[] config() {
        return KioskExam.distribution(new KioskProcess.Ports(HTTP_PORT, 18101, 11099, 44445));
    }

    /**
     * The device connector, from the Jetty file and Pax Web's configuration, with the key store the test put into
     * etc/tls (its password read by ConfigAdmin's secret interpolation): TLS on the device port presents that key.
     */
    @Test
    public void deviceConnectorRunsWithTheKeyStoreOfEtcTls() {
        assertTrue("the key store is read", deviceConnector.certificateFingerprint().isPresent());
        assertTrue("the device port presents its certificate", deviceConnector.running());
    }

    @Test
    public void everyKioskFeatureIsInstalledAndEveryKioskBundleActive() throws Exception {
        List<Feature> kiosk = List.of(features.listFeatures()).stream()
                .filter(f -> f.getName().startsWith("kiosk-")).toList();
        Set<String> names = kiosk.stream().map(Feature::getName).collect(Collectors.toSet());
        assertTrue("kiosk features in the distribution: " + names,
                names.containsAll(Set.of("kiosk-vaadin", "kiosk-derby", "kiosk-platform", "kiosk-admin-console")));
        PLUGIN_GROUPS.forEach(group -> assertTrue("plugin features in the distribution: " + names,
                names.containsAll(group.getKey())));
        for (Feature feature : kiosk) {
            assertTrue(feature.getName() + " installed", features.isInstalled(feature));
        }
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name.startsWith("org.communitykiosk.") && bundle.getHeaders().get("Fragment-Host") == null) {
                assertEquals(name + " active", Bundle.ACTIVE, bundle.getState());
            }
        }
        assertEquals(Bundle.ACTIVE, bundle("derby").getState());
        assertEquals(Bundle.ACTIVE, bundle("com.vaadin.flow.server").getState());
    }

    @Test
    public void platformServicesWorkOnTheRealDatabase() {
        // demo data is on in kiosk-config: the demo community exists on first boot
        assertTrue(settings.demoData());
        assertTrue("demo residents", residents.count() >= 5);
        // the demo cards' published tokens (README); the register number signs nobody in
        Resident demo = identification.byToken("100000010000000000007").orElseThrow();
        assertEquals(demo, identification.byToken("KIOSK-CARD:100000010000000000007").orElseThrow());
        assertEquals("10000001", demo.cardNumber());
        assertTrue(identification.byToken("10000001").isEmpty());
        assertTrue(identification.byToken("99999999").isEmpty());

        Resident created = residents.create(new ResidentDraft("<b>测试</b> 居民", "20000001", null, "9", "1-101",
                "H9-1101", null, null), Actor.staff("itest"));
        assertEquals("<b>测试</b> 居民", residents.byCard("20000001").orElseThrow().name());
        assertTrue(audit.find(AuditQuery.latest(50)).stream()
                .anyMatch(e -> e.subject() != null && e.subject().equals("resident:" + created.id())));

        int before = residents.count();
        try {
            residents.create(new ResidentDraft("重复", "20000001", null, null, null, null, null, null),
                    Actor.staff("itest"));
            throw new AssertionError("a second resident with the same card must be refused");
        } catch (InvalidInputException expected) {
            assertFalse(expected.problems().isEmpty());
        }
        assertEquals("a refused write changes nothing", before, residents.count());
        assertTrue(transactions.required(c -> c.getMetaData().getDatabaseProductName()).contains("Derby"));
    }

    /**
     * The points ledger as the love market uses it, from another bundle: its writes join the caller's transaction, so
     * a failure after a spend takes the spend back too; no balance goes below zero; a repeated key books once.
     */
    @Test
    public void theLedgerApiJoinsTheCallersTransaction() throws Exception {
        Ledger ledger = service(Ledger.class);
        long resident = residents.byCard("10000003").orElseThrow().id();
        Account account = Account.resident(resident);
        long start = ledger.balance(account);

        Transfer reward = ledger.reward(resident, 30, "itest", "itest:reward:1", Actor.staff("itest"));
        assertEquals(start + 30, ledger.balance(account));
        assertEquals(reward, ledger.reward(resident, 30, "itest", "itest:reward:1", Actor.staff("itest")));
        assertEquals("a repeated key books once", start + 30, ledger.balance(account));

        try {
            transactions.required(c -> {
                ledger.spend(resident, 10, Account.LOVE_MARKET, "itest order", "itest:spend:1", Actor.resident(resident));
                throw new IllegalStateException("the stock update failed after the spend");
            });
            throw new AssertionError("the caller's failure must reach the caller");
        } catch (IllegalStateException expected) {
            assertEquals("the spend was rolled back with the caller's transaction", start + 30, ledger.balance(account));
        }

        try {
            ledger.spend(resident, start + 31, Account.LOVE_MARKET, "too much", "itest:spend:2", Actor.resident(resident));
            throw new AssertionError("no balance may go below zero");
        } catch (InvalidInputException expected) {
            assertEquals(Ledger.INSUFFICIENT, expected.problems().get(0).key());
        }
        Transfer spent = ledger.spend(resident, 30, Account.LOVE_MARKET, "itest order", "itest:spend:3",
                Actor.resident(resident));
        assertEquals(start, ledger.balance(account));
        ledger.refund(spent.id(), "itest:refund:3", Actor.staff("itest"));
        assertEquals(start + 30, ledger.balance(account));
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        org.osgi.util.tracker.ServiceTracker<T, T> tracker = new org.osgi.util.tracker.ServiceTracker<>(context, type,
                null);
        tracker.open();
        try {
            T found = tracker.waitForService(120_000);
            assertNotNull(type.getSimpleName() + " service", found);
            return found;
        } finally {
            tracker.close();
        }
    }

    /**
     * Plugin features with the plugin ids their bundles register, in groups that are removed together: Karaf keeps
     * a feature that another installed feature needs (the love market spends through the points ledger).
     */
    static final List<Map.Entry<List<String>, List<String>>> PLUGIN_GROUPS = List.of(
            Map.entry(List.of("kiosk-bulletin"), List.of("bulletin")),
            Map.entry(List.of("kiosk-lovemarket", "kiosk-points"), List.of("lovemarket", "points")),
            Map.entry(List.of("kiosk-deliberation"), List.of("deliberation")),
            Map.entry(List.of("kiosk-bloodpressure"), List.of("bloodpressure")));

    @Test
    public void uninstallingAndInstallingEachPluginFeatureRemovesAndAddsItsScreens() throws Exception {
        assertTrue(http("/kiosk/").contains("VAADIN/build"));
        for (Map.Entry<List<String>, List<String>> group : PLUGIN_GROUPS) {
            for (String id : group.getValue()) {
                assertNotNull(id + " registered at boot", waitForPlugin(id, true));
            }
            for (String feature : group.getKey()) {
                features.uninstallFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            }
            for (String id : group.getValue()) {
                assertNull(id + " gone after feature:uninstall", waitForPlugin(id, false));
            }
            assertTrue("the shell keeps running", http("/kiosk/").contains("VAADIN/build"));
            for (String feature : group.getKey()) {
                features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            }
            for (String id : group.getValue()) {
                assertNotNull(id + " back after feature:install", waitForPlugin(id, true));
            }
        }
    }

    /** The starting page's question whether the home screen answers (held by its servlet until Vaadin runs). */
    private static final Map<String, String> POLL = Map.of("X-Kiosk-Poll", "1");

    /**
     * The kiosk's browser is opened while the kiosk starts: until the home screen's servlet is there, the kiosk context
     * answers with the bilingual starting page (which loads the home screen by itself), never with a bare 404. The
     * servlet's component is switched off and on again to hold the kiosk in that moment.
     */
    @Test
    public void theKioskSaysItIsStartingUntilTheHomeScreenAnswers() throws Exception {
        assertTrue(http("/kiosk/").contains("VAADIN/build"));
        ComponentDescriptionDTO servlet = components.getComponentDescriptionDTO(bundle("org.communitykiosk.kiosk-ui"),
                "org.communitykiosk.ui.internal.KioskServlet");
        assertNotNull("the home screen's servlet component", servlet);
        components.disableComponent(servlet).getValue();
        try {
            HttpURLConnection starting = waitForStatus("/kiosk/", 503);
            assertEquals("1", starting.getHeaderField("Retry-After"));
            // which way the page was reached: here the context is up and no servlet serves the path
            assertEquals("no servlet for the path", starting.getHeaderField("X-Kiosk-Starting"));
            String page;
            try (InputStream in = starting.getErrorStream()) {
                page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(page, page.contains("正在启动") && page.contains("Starting"));
            assertTrue("the page polls the home screen: " + page, page.contains("fetch('/kiosk/'"));
            assertTrue("the poll says it is one: " + page, page.contains("'X-Kiosk-Poll':'1'"));
            assertEquals("a poll while no servlet serves the home screen", 503,
                    get("/kiosk/", POLL).getResponseCode());
            // a missing static file stays a plain 404: a script tag must not receive a page
            assertEquals(404, waitForStatus("/kiosk/VAADIN/build/none.js", 404).getResponseCode());
        } finally {
            components.enableComponent(servlet).getValue();
        }
        // the poll's answer once the home screen runs: no page (the home screen is built for the browser's own load)
        HttpURLConnection ready = waitForStatus("/kiosk/", 204, POLL);
        assertEquals(204, ready.getResponseCode());
        assertEquals("no-store", ready.getHeaderField("Cache-Control"));
        assertTrue("the home screen is back", http("/kiosk/").contains("VAADIN/build"));
    }

    private ServiceReference<KioskPlugin> waitForPlugin(String id, boolean present) throws Exception {
        String filter = "(" + KioskPlugin.PLUGIN_ID + "=" + id + ")";
        BooleanSupplier done = () -> {
            try {
                return !context.getServiceReferences(KioskPlugin.class, filter).isEmpty() == present;
            } catch (Exception e) {
                return false;
            }
        };
        long deadline = System.currentTimeMillis() + 60_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue("plugin " + id + (present ? " present" : " absent"), done.getAsBoolean());
        return context.getServiceReferences(KioskPlugin.class, filter).stream().findFirst().orElse(null);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** GET with polling: whiteboard registrations are asynchronous and the DataSource bounces once after boot. */
    private static String http(String path) throws Exception {
        try (InputStream in = waitForStatus(path, 200).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Polls GET (no redirects followed) until the kiosk answers with the status; the connection, to read. */
    private static HttpURLConnection waitForStatus(String path, int status) throws Exception {
        return waitForStatus(path, status, Map.of());
    }

    private static HttpURLConnection waitForStatus(String path, int status, Map<String, String> headers)
            throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        int code = -1;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpURLConnection connection = get(path, headers);
                code = connection.getResponseCode();
                if (code == status) {
                    return connection;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " answered " + code + ", not " + status);
    }

    /** One GET, not following redirects; its answer is there when this returns. */
    private static HttpURLConnection get(String path, Map<String, String> headers) throws java.io.IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://localhost:" + HTTP_PORT + path)
                .openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        headers.forEach(connection::setRequestProperty);
        connection.getResponseCode();
        return connection;
    }
}
