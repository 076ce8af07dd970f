package org.communitykiosk.lovemarket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.communitykiosk.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.upload.Upload;

/**
 * Photos as an attacker sends them: the rules must decide within a fixed memory budget (the kiosk's whole heap is
 * 200 MB), measured as what the checking thread allocates.
 */
class PhotoRulesTest {

    /** What checking one photo may allocate: far below the 72 MB of a 24-megapixel photo decoded at full size. */
    static final long BUDGET = 40L * 1024 * 1024;

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutBeingDecoded() {
        // 6000 x 6000 pixels of 16-bit RGBA: 288 MB once decoded
        byte[] bomb = zeroPng(6000, 6000);
        assertTrue(bomb.length < PhotoRules.UPLOAD.maxBytes(), "a small file: " + bomb.length);
        InvalidInputException[] refused = new InvalidInputException[1];
        long allocated = allocatedWhile(
                () -> refused[0] = assertThrows(InvalidInputException.class, () -> PhotoRules.check(bomb)));
        assertEquals("lovemarket.problem.photoTooManyPixels", refused[0].problems().get(0).key());
        assertTrue(allocated < 8L * 1024 * 1024, "refused from its header, yet allocated " + allocated + " bytes");
    }

    @Test
    void aTwentyFourMegapixelPhotoIsDecodedSubsampledAndStoredAtTheSizeShown() throws IOException {
        byte[] camera = gradientJpeg(6000, 4000);
        assertTrue(camera.length < PhotoRules.UPLOAD.maxBytes(), "within the byte limit: " + camera.length);
        Photo[] stored = new Photo[1];
        long allocated = allocatedWhile(() -> stored[0] = PhotoRules.check(camera));
        assertTrue(allocated < BUDGET, "checking allocated " + allocated / (1024 * 1024) + " MB");
        assertEquals("image/jpeg", stored[0].mimeType());
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored[0].bytes()));
        assertEquals(1200, back.getWidth());
        assertEquals(800, back.getHeight());
    }

    @Test
    void aTruncatedImageIsRefusedAsIncomplete() throws IOException {
        byte[] camera = gradientJpeg(3000, 2000);
        byte[] halfJpeg = Arrays.copyOf(camera, camera.length / 2);
        byte[] halfPng = Arrays.copyOf(PhotoTest.image("png", 60, 60), 200);
        for (byte[] truncated : new byte[][] { halfJpeg, halfPng }) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> PhotoRules.check(truncated));
            assertEquals("lovemarket.problem.photoIncomplete", refused.problems().get(0).key());
        }
    }

    @Test
    void aLargeImageWithTransparencyIsStoredSmallerAndKeepsIt() throws IOException {
        BufferedImage sticker = new BufferedImage(2400, 600, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = sticker.createGraphics();
        g.setColor(Color.RED);
        g.fillOval(0, 0, 600, 600);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(sticker, "png", png);
        Photo stored = PhotoRules.check(png.toByteArray());
        assertEquals("image/png", stored.mimeType());
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored.bytes()));
        assertEquals(1200, back.getWidth());
        assertEquals(0, back.getRGB(1100, 100) >>> 24, "still transparent");
        assertEquals(0xFF, back.getRGB(150, 150) >>> 24, "still opaque");
    }

    @Test
    void theUploadStopsReceivingAtTheLimitWhateverThePageAllows() throws IOException {
        Upload upload = Screens.photoUpload(FakeContext.staff(), "lm-photo-upload", Screens.error("lm-photo-error"),
                bytes -> {
                });
        OutputStream received = upload.getReceiver().receiveUpload("huge.png", "image/png");
        received.write(new byte[PhotoRules.UPLOAD.maxBytes()]);
        assertThrows(IOException.class, () -> received.write(new byte[1024]));
    }

    /** Bytes allocated by this thread while {@code work} ran. */
    static long allocatedWhile(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /** A PNG of 16-bit RGBA pixels, all zero: a few hundred kB that decode to {@code 8 * width * height} bytes. */
    static byte[] zeroPng(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] { 16, 6, 0, 0, 0 });
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] row = new byte[1 + 8 * width];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] out = new byte[64 * 1024];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(out, 0, deflater.deflate(out));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(out, 0, deflater.deflate(out));
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        for (Object[] chunk : new Object[][] { { "IHDR", header.array() }, { "IDAT", idat.toByteArray() },
                { "IEND", new byte[0] } }) {
            byte[] type = ((String) chunk[0]).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] data = (byte[]) chunk[1];
            CRC32 sum = new CRC32();
            sum.update(type);
            sum.update(data);
            png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
            png.writeBytes(type);
            png.writeBytes(data);
            png.writeBytes(ByteBuffer.allocate(4).putInt((int) sum.getValue()).array());
        }
        return png.toByteArray();
    }

    /** A smooth photo-like picture as JPEG: compresses well, as a real photo of a plain item does. */
    static byte[] gradientJpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
