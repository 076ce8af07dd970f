package org.communitykiosk.lovemarket.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.upload.UploadLimit;

/**
 * Decides whether uploaded bytes are a photo the shop may show, within a fixed memory budget (the kiosk's whole heap
 * is 200 MB). The file name and the browser's content type are not trusted: the format is read from the magic bytes.
 * The picture's size is read from the file's header, without decoding: a small file announcing a huge picture (a
 * decompression bomb) is refused before a pixel is allocated. A picture within the limits is decoded subsampled, at
 * most {@link #STORED_SIDE} pixels a side (what the kiosk shows), never at its full size; a file that does not decode
 * to its end (truncated, damaged) is refused.
 */
final class PhotoRules {

    /** What one photo upload may send; the server stops receiving there (the upload's page only advises). */
    static final UploadLimit UPLOAD = UploadLimit.megabytes(2);
    /**
     * Pixels the header may announce: a 24-megapixel camera's photo. Subsampling bounds the memory whatever the size,
     * but not the time spent inflating the pixels, nor the native memory of a progressive JPEG, which grow with them.
     */
    static final long MAX_PIXELS = 24_000_000;
    /**
     * The longest side a photo is kept at: the shop shows photos 220 px high on a screen at most 960 px wide (twice
     * that for large text and sharp screens, with room). A larger photo is decoded subsampled to it and stored so.
     */
    static final int STORED_SIDE = 1200;

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] GIF87 = { 'G', 'I', 'F', '8', '7', 'a' };
    private static final byte[] GIF89 = { 'G', 'I', 'F', '8', '9', 'a' };

    private PhotoRules() {
    }

    /**
     * @return the photo as it is kept: the bytes as uploaded when the picture is no larger than {@link #STORED_SIDE},
     *         else the picture subsampled to it (JPEG, or PNG to keep transparency); refused with
     *         {@code lovemarket.problem.photo*} otherwise
     */
    static Photo check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("photo", "lovemarket.problem.photoNotImage");
        }
        if (bytes.length > UPLOAD.maxBytes()) {
            throw InvalidInputException.of("photo", "lovemarket.problem.photoTooBig", UPLOAD.inMegabytes());
        }
        String type = startsWith(bytes, PNG) ? "png" : startsWith(bytes, JPEG) ? "jpeg"
                : startsWith(bytes, GIF87) || startsWith(bytes, GIF89) ? "gif" : null;
        Iterator<ImageReader> readers = type == null ? null : ImageIO.getImageReadersByFormatName(type);
        if (readers == null || !readers.hasNext()) {
            throw InvalidInputException.of("photo", "lovemarket.problem.photoNotImage");
        }
        ImageReader reader = readers.next();
        // in memory: the bytes are there already (ImageIO's default cache would copy them to a temporary file)
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            // no metadata: text chunks can be compressed too, and nothing in them is shown
            reader.setInput(in, true, true);
            int side = side(reader);
            int subsampling = (side + STORED_SIDE - 1) / STORED_SIDE;
            BufferedImage picture = decode(reader, subsampling);
            return subsampling == 1 ? new Photo("image/" + type, bytes.clone()) : encode(picture);
        } catch (IOException e) {
            // closing a stream over bytes in memory does not fail
            throw new IllegalStateException(e);
        } finally {
            reader.dispose();
        }
    }

    /** The picture's longer side, from its header; refused when it announces more than {@link #MAX_PIXELS}. */
    private static int side(ImageReader reader) {
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException noHeader) {
            throw InvalidInputException.of("photo", "lovemarket.problem.photoNotImage");
        }
        if (width < 1 || height < 1) {
            throw InvalidInputException.of("photo", "lovemarket.problem.photoNotImage");
        }
        long pixels = (long) width * height;
        if (pixels > MAX_PIXELS) {
            throw InvalidInputException.of("photo", "lovemarket.problem.photoTooManyPixels",
                    (pixels + 999_999) / 1_000_000, MAX_PIXELS / 1_000_000);
        }
        return Math.max(width, height);
    }

    /**
     * Decodes every {@code subsampling}-th pixel of every {@code subsampling}-th row: the decoders read row by row, so
     * only the subsampled picture is held. A decoder's warning (JPEG's "premature end of data", which it fills in
     * grey) refuses the file as a failure does.
     */
    private static BufferedImage decode(ImageReader reader, int subsampling) {
        boolean[] warned = { false };
        reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        BufferedImage picture;
        try {
            picture = reader.read(0, param);
        } catch (IOException | RuntimeException broken) {
            // a truncated or forged file fails somewhere inside the decoder
            throw InvalidInputException.of("photo", "lovemarket.problem.photoIncomplete");
        }
        if (picture == null || warned[0]) {
            throw InvalidInputException.of("photo", "lovemarket.problem.photoIncomplete");
        }
        return picture;
    }

    /** The subsampled picture as a file: JPEG, or PNG where it has transparency (which JPEG cannot keep). */
    private static Photo encode(BufferedImage picture) {
        boolean transparent = picture.getColorModel().hasAlpha();
        // drawn into a plain 8-bit image: the writers take no 16-bit or custom layouts
        BufferedImage plain = new BufferedImage(picture.getWidth(), picture.getHeight(),
                transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = plain.createGraphics();
        try {
            g.drawImage(picture, 0, 0, null);
        } finally {
            g.dispose();
        }
        String type = transparent ? "png" : "jpeg";
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        } finally {
            writer.dispose();
        }
        return new Photo("image/" + type, out.toByteArray());
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
