package org.communitykiosk.deliberation.internal;

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
        try (WithoutPackage loader = new WithoutPackage(MeetingView.class, "org.communitykiosk.print")) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.communitykiosk.print.Printer"));
            // the loader does hide the API: the class that builds the printout cannot be reflected on
            Class<?> document = loader.loadClass("org.communitykiosk.deliberation.internal.MinutesDocument");
            assertThrows(NoClassDefFoundError.class, document::getDeclaredMethods);
            for (String screen : new String[] { "MeetingView", "Screens", "BoardView", "CheckInView", "VoteView",
                    "ProjectorView", "RaiseView", "SupportView", "TriageView", "Minutes" }) {
                Class<?> type = loader.loadClass("org.communitykiosk.deliberation.internal." + screen);
                type.getDeclaredMethods();
                type.getDeclaredFields();
                type.getDeclaredConstructors();
            }
            // the component's constructors (DS constructor injection) do not name the printer either
            loader.loadClass("org.communitykiosk.deliberation.internal.DeliberationPlugin").getDeclaredConstructors();
            loader.loadClass("org.communitykiosk.deliberation.internal.DeliberationPlugin$MinutesPdf")
                    .getDeclaredMethods();
        }
    }
}
