package org.communitykiosk.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.device.CredentialCheck.Refusal;
import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.device.DeviceRegistry;
import org.communitykiosk.api.device.DeviceRole;
import org.communitykiosk.api.device.Enrolment;
import org.communitykiosk.api.device.PairingCode;
import org.communitykiosk.core.internal.Settings;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pairing codes (once, ten minutes, the clock), credentials (random, hashed, revoked, expired) and their audit. */
class DeviceRegistryTest {

    private static final Actor ADMIN = Actor.staff("admin");

    private final TestDatabase db = new TestDatabase();
    private final List<Device> revoked = new ArrayList<>();
    private final JdbcDeviceRegistry registry = registry();

    private JdbcDeviceRegistry registry() {
        JdbcDeviceRegistry registry = new JdbcDeviceRegistry(db.transactions(), db.migrations(), db.auditLog(),
                db.settings(), db.clock(), new SecureRandom());
        registry.addListener(revoked::add);
        return registry;
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCodeEnrolsOneDeviceWithAFreshCredential() {
        PairingCode code = registry.createPairingCode("  Booth 1 ", DeviceRole.BOOTH, ADMIN);
        assertTrue(code.code().matches("\\d{8}"), code.code());
        assertEquals("Booth 1", code.deviceName());
        assertEquals(code.createdAt().plus(Duration.ofMinutes(10)), code.expiresAt());
        assertEquals(code.code().substring(0, 4) + " " + code.code().substring(4), code.grouped());
        assertFalse(code.toString().contains(code.code()), "the code stays out of logs");

        db.clock().advance(Duration.ofMinutes(3));
        // as people type it: grouped, with a hyphen, with spaces around
        Enrolment enrolment = registry.enrol(" " + code.code().substring(0, 4) + "-" + code.code().substring(4) + " ");
        Device device = enrolment.device();
        assertEquals("Booth 1", device.name());
        assertEquals(DeviceRole.BOOTH, device.role());
        assertEquals(db.clock().instant(), device.enrolledAt());
        assertNull(device.revokedAt());
        assertTrue(enrolment.credential().matches("[A-Za-z0-9_-]{43}"), enrolment.credential());
        assertEquals(32, Base64.getUrlDecoder().decode(enrolment.credential()).length, "256 random bits");
        assertEquals(device.id(), registry.authenticate(enrolment.credential()).orElseThrow().id());
        assertEquals(List.of(device.id()), registry.devices().stream().map(Device::id).toList());
    }

    @Test
    void theKioskKeepsOnlyHashesOfCodesAndCredentials() throws SQLException {
        PairingCode code = registry.createPairingCode("Door", DeviceRole.DOOR, ADMIN);
        Enrolment enrolment = registry.enrol(code.code());
        String tables = dump("SELECT * FROM kiosk_device_code") + dump("SELECT * FROM kiosk_device")
                + dump("SELECT * FROM kiosk_audit");
        assertFalse(tables.contains(code.code()), "no code in the database: " + tables);
        assertFalse(tables.contains(enrolment.credential()), "no credential in the database");
        assertTrue(tables.contains(JdbcDeviceRegistry.hash(enrolment.credential())));
    }

    @Test
    void aCodeWorksOnce() {
        PairingCode code = registry.createPairingCode("Booth 2", DeviceRole.BOOTH, ADMIN);
        Enrolment first = registry.enrol(code.code());
        assertProblem("device.code.used", () -> registry.enrol(code.code()));
        assertEquals(1, registry.devices().size());
        assertTrue(registry.authenticate(first.credential()).isPresent());
    }

    @Test
    void twoDevicesTypingTheSameCodeAtOnceEnrolOne() throws Exception {
        PairingCode code = registry.createPairingCode("Race", DeviceRole.BOOTH, ADMIN);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Boolean> attempt = () -> {
                    try {
                        registry.enrol(code.code());
                        return true;
                    } catch (InvalidInputException used) {
                        assertEquals("device.code.used", used.problems().get(0).key());
                        return false;
                    }
                };
                tries.add(pool.submit(attempt));
            }
            int enrolled = 0;
            for (Future<Boolean> attempt : tries) {
                enrolled += attempt.get() ? 1 : 0;
            }
            assertEquals(1, enrolled);
            assertEquals(1, registry.devices().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCodeIsValidForTenMinutesAsTheKioskClockReadsThem() {
        PairingCode code = registry.createPairingCode("Projector", DeviceRole.PROJECTOR, ADMIN);
        db.clock().advance(Duration.ofMinutes(10));
        assertProblem("device.code.expired", () -> registry.enrol(code.code()));
        db.clock().advance(Duration.ofMinutes(-10).minusSeconds(1));
        // the clock set back to before the code was made: not valid either
        assertProblem("device.code.notYetValid", () -> registry.enrol(code.code()));
        db.clock().advance(Duration.ofSeconds(1).plus(Duration.ofMinutes(9)).plusSeconds(59));
        // inside the ten minutes: the refusals above changed nothing
        assertEquals("Projector", registry.enrol(code.code()).device().name());
    }

    @Test
    void badCodesAreRefusedAndChangeNothing() {
        PairingCode code = registry.createPairingCode("Tablet", DeviceRole.STAFF_TABLET, ADMIN);
        for (String bad : new String[] {null, "", "1234567", "123456789", "1234567a", "１２３４５６７８", "12_345678",
                "12345678; --", "9".repeat(100_000)}) {
            assertProblem("device.code.malformed", () -> registry.enrol(bad));
        }
        String unknown = code.code().equals("00000000") ? "00000001" : "00000000";
        assertProblem("device.code.unknown", () -> registry.enrol(unknown));
        assertEquals(List.of(), registry.devices());
        assertEquals("Tablet", registry.enrol(code.code()).device().name());
    }

    @Test
    void namesAndRolesAreChecked() {
        assertProblem("device.name.required", () -> registry.createPairingCode("  ", DeviceRole.BOOTH, ADMIN));
        assertProblem("device.name.required", () -> registry.createPairingCode(null, DeviceRole.BOOTH, ADMIN));
        assertProblem("device.name.tooLong",
                () -> registry.createPairingCode("x".repeat(DeviceRegistry.NAME_MAX + 1), DeviceRole.BOOTH, ADMIN));
        assertProblem("device.role.required", () -> registry.createPairingCode("Booth", null, ADMIN));
        // a name in Chinese, at the limit
        assertEquals(DeviceRegistry.NAME_MAX, registry.createPairingCode("投".repeat(DeviceRegistry.NAME_MAX),
                DeviceRole.BOOTH, ADMIN).deviceName().length());
    }

    @Test
    void forgedAndMalformedCredentialsAreUnknown() {
        Enrolment real = registry.enrol(registry.createPairingCode("Booth", DeviceRole.BOOTH, ADMIN).code());
        String credential = real.credential();
        char last = credential.charAt(42);
        for (String forged : new String[] {null, "", "A".repeat(43), credential.substring(1),
                credential.substring(0, 42) + (last == 'A' ? 'B' : 'A'), credential + "A", credential.toUpperCase(),
                "' OR '1'='1", "x".repeat(10_000)}) {
            if (credential.equals(forged)) {
                continue;
            }
            assertEquals(Refusal.UNKNOWN, registry.check(forged).refusal(), String.valueOf(forged));
        }
        assertTrue(registry.check(credential).accepted().isPresent());
    }

    @Test
    void aRevokedDeviceIsRefusedAndListenersAreTold() {
        Enrolment enrolment = registry.enrol(registry.createPairingCode("Booth", DeviceRole.BOOTH, ADMIN).code());
        long id = enrolment.device().id();
        db.clock().advance(Duration.ofHours(1));
        registry.revoke(id, ADMIN);
        assertEquals(Refusal.REVOKED, registry.check(enrolment.credential()).refusal());
        Device listed = registry.device(id).orElseThrow();
        assertEquals(db.clock().instant(), listed.revokedAt());
        assertEquals(List.of(id), revoked.stream().map(Device::id).toList());
        // again: nothing changes, nobody is told twice
        registry.revoke(id, ADMIN);
        assertEquals(1, revoked.size());
        assertEquals(db.clock().instant(), registry.device(id).orElseThrow().revokedAt());
        assertProblem("device.notFound", () -> registry.revoke(id + 100, ADMIN));
    }

    @Test
    void aDeviceUnseenFor400DaysMustEnrolAgain() {
        Enrolment enrolment = registry.enrol(registry.createPairingCode("Door", DeviceRole.DOOR, ADMIN).code());
        db.clock().advance(Duration.ofDays(399));
        assertTrue(registry.authenticate(enrolment.credential()).isPresent(), "seen on day 399");
        db.clock().advance(Duration.ofDays(399));
        assertTrue(registry.authenticate(enrolment.credential()).isPresent(), "seen again: counted from then");
        db.clock().advance(Duration.ofDays(401));
        assertEquals(Refusal.EXPIRED, registry.check(enrolment.credential()).refusal());
    }

    @Test
    void lastSeenIsNotedAtMostOnceAMinute() {
        Enrolment enrolment = registry.enrol(registry.createPairingCode("Booth", DeviceRole.BOOTH, ADMIN).code());
        assertNull(enrolment.device().lastSeenAt());
        registry.authenticate(enrolment.credential());
        java.time.Instant first = db.clock().instant();
        assertEquals(first, registry.device(enrolment.device().id()).orElseThrow().lastSeenAt());
        db.clock().advance(Duration.ofSeconds(30));
        registry.authenticate(enrolment.credential());
        assertEquals(first, registry.device(enrolment.device().id()).orElseThrow().lastSeenAt());
        db.clock().advance(Duration.ofSeconds(30));
        registry.authenticate(enrolment.credential());
        assertEquals(db.clock().instant(), registry.device(enrolment.device().id()).orElseThrow().lastSeenAt());
    }

    @Test
    void everyWriteIsAudited() {
        PairingCode code = registry.createPairingCode("Booth 9", DeviceRole.BOOTH, ADMIN);
        Device device = registry.enrol(code.code()).device();
        assertProblem("device.code.used", () -> registry.enrol(code.code()));
        registry.revoke(device.id(), Actor.staff("admin2"));
        List<AuditEntry> entries = db.auditLog().find(new AuditQuery(null, null, null, null, 0, 100));
        List<String> actions = entries.stream().map(e -> e.actor() + " " + e.action() + " " + e.subject()).toList();
        assertTrue(actions.contains("staff:admin device.code.create device-code:1"), actions.toString());
        assertTrue(actions.contains("kiosk:device:" + device.id() + " device.enrol device:" + device.id()),
                actions.toString());
        assertTrue(actions.contains("system:devices device.enrol.refused null"), actions.toString());
        assertTrue(actions.contains("staff:admin2 device.revoke device:" + device.id()), actions.toString());
    }

    @Test
    void devicesBelongToTheKioskThatEnrolledThem() {
        Enrolment here = registry.enrol(registry.createPairingCode("Booth", DeviceRole.BOOTH, ADMIN).code());
        PairingCode pending = registry.createPairingCode("Other", DeviceRole.BOOTH, ADMIN);
        Settings defaults = Settings.defaults();
        Settings otherKiosk = new Settings("kiosk-2", "Other", "Other", defaults.defaultLocale(), defaults.zone(),
                defaults.residentIdleTimeout(), defaults.staffIdleTimeout(), false, List.of(), List.of(),
                defaults.keepAwakeMax(), defaults.exportRoots(), defaults.pinRequiredFor());
        JdbcDeviceRegistry other = new JdbcDeviceRegistry(db.transactions(), db.migrations(), db.auditLog(),
                otherKiosk, db.clock(), new SecureRandom());
        assertEquals(Refusal.UNKNOWN, other.check(here.credential()).refusal());
        assertProblem("device.code.unknown", () -> other.enrol(pending.code()));
        assertEquals(List.of(), other.devices());
        assertEquals(1, registry.devices().size());
    }

    @Test
    void codesOfValidCodesAreNotDrawnTwice() {
        // a random source that draws the same eight digits twice, then others
        int[] draws = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 8, 7, 6, 5, 4, 3, 2, 1};
        SecureRandom scripted = new SecureRandom() {
            private static final long serialVersionUID = 1L;
            private int next;

            @Override
            public int nextInt(int bound) {
                return draws[next++ % draws.length];
            }
        };
        JdbcDeviceRegistry drawn = new JdbcDeviceRegistry(db.transactions(), db.migrations(), db.auditLog(),
                db.settings(), db.clock(), scripted);
        PairingCode a = drawn.createPairingCode("A", DeviceRole.BOOTH, ADMIN);
        PairingCode b = drawn.createPairingCode("B", DeviceRole.BOOTH, ADMIN);
        assertEquals("12345678", a.code());
        assertNotEquals(a.code(), b.code());
    }

    private String dump(String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    out.append(rows.getString(i)).append(' ');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void assertProblem(String key, Runnable action) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, action::run);
        assertEquals(key, refused.problems().get(0).key(), refused.problems().toString());
    }
}
