package org.communitykiosk.lovemarket.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.communitykiosk.api.InvalidInputException;

/**
 * Decides whether uploaded bytes are a photo the shop may show. The file name and the browser's content type are
 * not trusted: the format is read from the magic bytes, and the image must really decode (a renamed document or a
 * truncated file is refused). Dimensions are read before decoding so that a small file announcing a huge image
 * (a decompression bomb) is refused without allocating it.
 */
final class PhotoRules {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_SIDE = 6000;

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] GIF87 = { 'G', 'I', 'F', '8', '7', 'a' };
    private static final byte[] GIF89 = { 'G', 'I', 'F', '8', '9', 'a' };

    private PhotoRules() {
    }

    /** @return the photo with its real type; refused with {@code lovemarket.problem.photo*} otherwise */
    static Photo check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("photo", "lovemarket.problem.photoNotImage");
        }
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of("photo", "lovemarket.problem.photoTooBig", MAX_BYTES / (1024 * 1024));
        }
        String type = startsWith(bytes, PNG) ? "png" : startsWith(bytes, JPEG) ? "jpeg"
                : startsWith(bytes, GIF87) || startsWith(bytes, GIF89) ? "gif" : null;
        if (type == null || !decodes(bytes, type)) {
            throw InvalidInputException.of("photo", "lovemarket.problem.photoNotImage");
        }
        return new Photo("image/" + type, bytes.clone());
    }

    private static boolean decodes(byte[] bytes, String type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type);
        if (!readers.hasNext()) {
            return false;
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                return false;
            }
            return reader.read(0) != null;
        } catch (IOException | RuntimeException broken) {
            // a truncated or forged file fails somewhere inside the decoder; either way it is not a photo
            return false;
        } finally {
            reader.dispose();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
