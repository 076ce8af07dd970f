package org.communitykiosk.bloodpressure.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.communitykiosk.core.testing.WithoutPackage;
import org.junit.jupiter.api.Test;

/**
 * The print API is an optional import: without the print bundle, the screens must still load and survive the
 * reflection Vaadin does on component classes (all declared methods, fields and constructors), so no screen may
 * name a print type in a signature. Simulated with a class loader that has the plugin's classes but no print API.
 */
class WithoutPrintTest {

    @Test
    void screensLoadAndReflectWithoutThePrintApi() throws Exception {
        try (WithoutPackage loader = new WithoutPackage(HistoryView.class, "org.communitykiosk.print")) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.communitykiosk.print.Printer"));
            // the loader does hide the API: the class that builds the printout cannot be reflected on
            Class<?> printout = loader.loadClass("org.communitykiosk.bloodpressure.internal.CardPrintout");
            assertThrows(NoClassDefFoundError.class, printout::getDeclaredMethods);
            for (String screen : new String[] { "HistoryView", "ExportPanel", "MeasureView" }) {
                Class<?> type = loader.loadClass("org.communitykiosk.bloodpressure.internal." + screen);
                type.getDeclaredMethods();
                type.getDeclaredFields();
                type.getDeclaredConstructors();
            }
            // the component's constructor (DS constructor injection) does not name the printer either
            loader.loadClass("org.communitykiosk.bloodpressure.internal.BloodPressurePlugin").getDeclaredConstructors();
        }
    }
}
