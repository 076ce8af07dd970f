package org.communitykiosk.admin.internal;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.component.Html;

/**
 * A QR code drawn on the server as inline SVG (ZXing encodes it): one path of dark modules, so a scanner on a card
 * reader or a tablet's camera reads it off the kiosk's screen, and nothing leaves the kiosk to draw it.
 */
final class QrCode {

    /** Modules of light margin around the code, as the QR specification asks. */
    private static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    /**
     * The payload as an SVG element {@code size} CSS pixels square in a {@code div} with the element id given (the
     * SVG's own id is that id and {@code -code}). The div is needed: Vaadin creates an {@link Html} component's root
     * element by its tag name in the HTML namespace and sets the rest as inner HTML, so an {@code svg} root would be
     * an unknown HTML element that draws nothing; inside a div the browser's parser makes it SVG.
     */
    static Html of(String id, String payload, int size) {
        Html html = new Html("<div class=\"kiosk-qr\" style=\"line-height:0\">" + svg(id + "-code", payload, size)
                + "</div>");
        html.setId(id);
        return html;
    }

    static String svg(String id, String payload, int size) {
        BitMatrix matrix = encode(payload);
        int modules = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                if (matrix.get(x, y)) {
                    int run = 1;
                    while (x + run < modules && matrix.get(x + run, y)) {
                        run++;
                    }
                    path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-")
                            .append(run).append('z');
                    x += run - 1;
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\" role=\"img\" width=\"" + size
                + "\" height=\"" + size + "\" viewBox=\"0 0 " + modules + " " + modules
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + modules + "\" height=\"" + modules
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The code's modules (quiet zone included), for a printout that draws them itself. */
    static BitMatrix encode(String payload) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException tooLong) {
            // the kiosk encodes its own short payloads (card tokens, pairing codes): never this long
            throw new IllegalArgumentException("payload too long for a QR code: " + payload.length() + " chars",
                    tooLong);
        }
    }
}
