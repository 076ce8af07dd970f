package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QrCodeTest {

    /** Draws the SVG's path back into pixels, as a scanner would see the screen, and reads the code. */
    @Test
    void theDrawnCodeReadsBackAsThePayload() throws Exception {
        String payload = "KIOSK-CARD:48213904417720595013";
        String svg = QrCode.svg("qr", payload, 300);

        String read = QrScan.read(svg);

        assertEquals(payload, read);
        assertTrue(svg.contains("id=\"qr\"") && svg.contains("width=\"300\""), svg.substring(0, 120));
    }

    @Test
    void theComponentWrapsTheSvgSoThatTheBrowserDrawsIt() {
        // an svg root would be created as an HTML element (see QrCode.of) and show nothing
        com.vaadin.flow.component.Html html = QrCode.of("qr", "KIOSK-CARD:48213904417720595013", 200);
        assertEquals("div", html.getElement().getTag());
        assertEquals("qr", html.getId().orElseThrow());
        assertTrue(html.getInnerHtml().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"qr-code\""),
                html.getInnerHtml().substring(0, 60));
    }

    @Test
    void aPayloadTooLongForAnyCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrCode.svg("qr", "x".repeat(5000), 100));
    }
}
