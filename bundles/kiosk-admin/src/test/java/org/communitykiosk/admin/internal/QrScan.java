package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code the way a scanner or a tablet's camera sees it on the screen: {@link QrCode}'s SVG drawn into pixels. */
final class QrScan {

    // Vaadin's parser writes the attribute in lower case (the browser's HTML parser gives it back its SVG name)
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");
    private static final int SCALE = 4;

    private QrScan() {
    }

    /** The payload of the code in this SVG markup (an {@code svg} element, or a component's inner HTML holding one). */
    static String read(String svg) throws Exception {
        Matcher viewBox = VIEW_BOX.matcher(svg);
        assertTrue(viewBox.find(), svg);
        int side = Integer.parseInt(viewBox.group(1)) * SCALE;
        int[] pixels = new int[side * side];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1));
            int y0 = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            for (int y = y0 * SCALE; y < (y0 + 1) * SCALE; y++) {
                for (int x = x0 * SCALE; x < (x0 + length) * SCALE; x++) {
                    pixels[y * side + x] = 0xFF000000;
                }
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(side, side, pixels)))).getText();
    }
}
