package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Printouts in the real kiosk: the points statement and the blood-pressure card as PDF, shown in the shell's printout
 * dialog (a frame of the kiosk's own address), and the doctor's CSV export onto a removable medium staff choose. Each
 * printout is fetched by the page itself ({@code fetch} with the session's cookie), as the kiosk's frame loads it; the
 * export's medium is a small file system the test mounts below a folder it names in {@code exportRoots} (the kiosk runs
 * as root in the test, as the test does).
 */
@ExtendWith(KioskServer.class)
class PrintBrowserIT {

    /** The bytes behind the printout dialog's frame: size, the first characters, the content type, the text (UTF-8). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> printout(KioskBrowser browser) {
        String href = browser.find("#printout-frame").getAttribute("src");
        assertTrue(href != null && href.startsWith(KioskServer.url("")), "a frame of the kiosk's address: " + href);
        return (Map<String, Object>) browser.script("return fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(r => r.arrayBuffer().then(b => {"
                + "  const u = new Uint8Array(b);"
                + "  return {status: r.status, type: r.headers.get('content-type') || '', size: u.length,"
                + "    head: Array.from(u.slice(0, 3)).join(','),"
                + "    text: new TextDecoder('utf-8').decode(u.slice(0, 4000))};"
                + "}))", href);
    }

    private static void assertPdf(Map<String, Object> file) {
        assertEquals(200L, ((Number) file.get("status")).longValue());
        assertTrue(((String) file.get("text")).startsWith("%PDF-"), "a PDF file");
        assertTrue(((String) file.get("type")).startsWith("application/pdf"), "served as PDF: " + file.get("type"));
        // with the embedded Chinese font subset a printout is several kilobytes; an empty or broken one is not
        assertTrue(((Number) file.get("size")).longValue() > 5000, "non-trivial size: " + file.get("size"));
    }

    @Test
    void theResidentPrintsTheirPointsStatement() throws IOException {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(DemoCards.token(1));
            browser.find("#session-name");
            browser.open("points/statement").find("#points-statement");
            browser.click("#points-statement-print");
            assertPdf(printout(browser));
            assertEquals(1, browser.driver.getWindowHandles().size(), "no tab of its own");
            // what the resident sees, for a person to look at (target/printout-dialog.png)
            KioskServer.sleep(2000);
            Files.write(Paths.get("target", "printout-dialog.png"),
                    browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        }
    }

    @Test
    void staffPrintTheCardAndExportReadingsForTheDoctor() throws IOException, InterruptedException {
        Path media = KioskServer.Running.home().resolve("media").toAbsolutePath();
        Path stick = media.resolve("usb1");
        Files.createDirectories(stick);
        KioskServer.configure("org.communitykiosk.kiosk.cfg", "exportRoots", media.toString());
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.signInStaff("staff", "staff2026");
            browser.open("bloodpressure").find("#bp-tap-card");
            browser.tapCard(DemoCards.token(2));
            browser.find("#bp-resident");
            browser.enterReading("136", "84");
            browser.find("#bp-result");
            browser.click("#bp-history-link");
            browser.find("#bp-history");

            browser.click("#bp-print-card");
            assertPdf(printout(browser));
            browser.click("#printout-close");
            browser.gone("#printout-frame");

            browser.click("#bp-export-make");
            browser.click("#bp-export-csv");
            // no medium yet: the kiosk's own folders are never offered
            browser.waitForText("#export-message", "U盘");
            assertFalse(browser.present("#export-media vaadin-radio-button"), "nothing offered without a medium");
            mount(stick);
            browser.click("#export-refresh");
            browser.waitUntil(d -> browser.present("#export-media vaadin-radio-button"), Duration.ofSeconds(10));
            browser.click("#export-media vaadin-radio-button");
            browser.click("#export-save");
            browser.waitForText("#export-message", "已保存");
            List<Path> files;
            try (Stream<Path> list = Files.list(stick)) {
                files = list.toList();
            }
            assertEquals(1, files.size(), "one file on the stick: " + files);
            byte[] csv = Files.readAllBytes(files.get(0));
            assertEquals(0xEF, csv[0] & 0xFF, "UTF-8 byte-order mark for Excel");
            String text = new String(csv, StandardCharsets.UTF_8);
            assertTrue(text.contains("\"居民\",\"日期\",\"时间\",\"时段\",\"收缩压（高压）\",\"舒张压（低压）\""),
                    "the header row: " + text);
            assertTrue(text.contains("\"136\",\"84\""), "the reading just taken: " + text);
            browser.click("#export-cancel");

            browser.click("#bp-export-pdf-make");
            assertPdf(printout(browser));
        } finally {
            KioskServer.configure("org.communitykiosk.kiosk.cfg", "exportRoots", "/media,/run/media,/mnt");
            unmount(stick);
        }
    }

    private static void mount(Path folder) throws IOException, InterruptedException {
        run("mount", "-t", "tmpfs", "-o", "size=1m", "kiosk-test-stick", folder.toString());
    }

    private static void unmount(Path folder) throws IOException, InterruptedException {
        if (Files.readAllLines(Paths.get("/proc/self/mounts")).stream()
                .anyMatch(line -> line.split(" ")[1].equals(folder.toString()))) {
            run("umount", folder.toString());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + out);
    }
}
