package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class QrCodeTest {

    /** Draws the SVG's path back into pixels, as a scanner would see the screen, and reads the code. */
    @Test
    void theDrawnCodeReadsBackAsThePayload() throws Exception {
        String payload = "KIOSK-CARD:48213904417720595013";
        String svg = QrCode.svg("qr", payload, 300);

        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find());
        int modules = Integer.parseInt(box.group(1));
        int scale = 4;
        int side = modules * scale;
        int[] pixels = new int[side * side];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1));
            int y0 = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
                for (int x = x0 * scale; x < (x0 + length) * scale; x++) {
                    pixels[y * side + x] = 0xFF000000;
                }
            }
        }
        LuminanceSource source = new RGBLuminanceSource(side, side, pixels);
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();

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
