package org.communitykiosk.ui.internal;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.erasure.DemoResidents;
import org.communitykiosk.api.resident.CardReads;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.StaffSignIn;

/**
 * The services the shell's views need, handed to them by {@link ShellInstantiator}. Settings are a supplier because
 * the settings service is replaced when staff change the configuration, without restarting the servlet. The idle
 * clock measures idle time ({@link MonotonicClock} on a kiosk).
 */
record Shell(Supplier<KioskSettings> settings, PluginCatalog plugins, Translations translations,
        Identification identification, CardReads cardReads, StaffSignIn staffSignIn, ScheduledExecutorService timer,
        AuditLog audit, Clock idleClock, DemoResidents demo) {
}
