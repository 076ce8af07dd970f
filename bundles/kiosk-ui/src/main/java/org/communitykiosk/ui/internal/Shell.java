package org.communitykiosk.ui.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.resident.CardReads;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.StaffSignIn;

/**
 * The services the shell's views need, handed to them by {@link ShellInstantiator}. Settings are a supplier because
 * the settings service is replaced when staff change the configuration, without restarting the servlet.
 */
record Shell(Supplier<KioskSettings> settings, PluginCatalog plugins, Translations translations,
        Identification identification, CardReads cardReads, StaffSignIn staffSignIn, ScheduledExecutorService timer) {
}
