package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Printouts in the real kiosk: the points statement and the blood-pressure card as PDF, and the doctor's CSV export.
 * Each file is fetched by the page itself ({@code fetch} with the session's cookie), as the kiosk's browser opens it.
 */
@ExtendWith(KioskServer.class)
class PrintBrowserIT {

    /** The bytes behind a link: size, the first characters, the content type, and the text (UTF-8). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(KioskBrowser browser, String linkSelector) {
        String href = browser.find(linkSelector).getAttribute("href");
        assertTrue(href != null && !href.isBlank(), "the link has an address");
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
    void theResidentPrintsTheirPointsStatement() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.open("").find("#home-greeting");
            browser.tapCard(DemoCards.token(1));
            browser.find("#session-name");
            browser.open("points/statement").find("#points-statement");
            browser.click("#points-statement-print");
            assertPdf(fetch(browser, "#points-statement-pdf"));
            assertEquals("_blank", browser.find("#points-statement-pdf").getAttribute("target"));
        }
    }

    @Test
    void staffPrintTheCardAndExportReadingsForTheDoctor() {
        try (KioskBrowser browser = new KioskBrowser()) {
            browser.signInStaff("staff", "staff2026");
            browser.open("bloodpressure").find("#bp-tap-card");
            browser.tapCard(DemoCards.token(2));
            browser.find("#bp-resident");
            browser.click("#bp-manual-open");
            browser.click("#bp-manual-systolic");
            for (String key : new String[] { "1", "3", "6" }) {
                browser.click("#bp-key-" + key);
            }
            browser.click("#bp-manual-diastolic");
            for (String key : new String[] { "8", "4" }) {
                browser.click("#bp-key-" + key);
            }
            browser.click("#bp-manual-save");
            browser.find("#bp-result");
            browser.click("#bp-history-link");
            browser.find("#bp-history");

            browser.click("#bp-print-card");
            assertPdf(fetch(browser, "#bp-card-pdf"));

            browser.click("#bp-export-make");
            Map<String, Object> csv = fetch(browser, "#bp-export-csv");
            assertEquals(200L, ((Number) csv.get("status")).longValue());
            assertEquals("239,187,191", csv.get("head"), "UTF-8 byte-order mark for Excel");
            String text = (String) csv.get("text");
            assertTrue(text.contains("\"居民\",\"日期\",\"时间\",\"时段\",\"收缩压（高压）\",\"舒张压（低压）\""),
                    "the header row: " + text);
            assertTrue(text.contains("\"136\",\"84\""), "the reading just taken: " + text);

            browser.click("#bp-export-pdf-make");
            assertPdf(fetch(browser, "#bp-export-pdf"));
        }
    }
}
