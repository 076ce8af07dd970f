package org.communitykiosk.api.upload;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import com.vaadin.flow.component.upload.Receiver;
import com.vaadin.flow.component.upload.Upload;

/**
 * How many bytes one upload of a kind (a photo, a resident file, a plugin archive) may send, enforced by the server
 * while it receives them. The page's own limit (the upload's {@code maxFileSize}) only helps a person choose the right
 * file: anybody can lift it in the browser, or send the upload request without the page, so the receiver counts what
 * arrives and fails the upload at the first byte over the limit. Nothing beyond the limit is held in memory or written
 * to disk, and the screen hears why through the upload's failed listener ({@link #exceeded(Throwable)}).
 *
 * @param maxBytes the most one file may have
 */
public record UploadLimit(int maxBytes) {

    private static final int MEGABYTE = 1024 * 1024;

    public UploadLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("an upload limit must allow at least one byte: " + maxBytes);
        }
    }

    /** A limit of whole megabytes (MiB, as the screens say "MB"). */
    public static UploadLimit megabytes(int megabytes) {
        return new UploadLimit(Math.multiplyExact(megabytes, MEGABYTE));
    }

    /** The limit in whole megabytes, for messages. */
    public int inMegabytes() {
        return maxBytes / MEGABYTE;
    }

    /**
     * An upload component receiving into {@code target} (Vaadin's {@code MemoryBuffer} or {@code FileBuffer}) through
     * {@link #receiver(Receiver)}, whose page refuses larger files before sending them.
     */
    public Upload upload(Receiver target) {
        Upload upload = new Upload(receiver(target));
        upload.setMaxFileSize(maxBytes);
        return upload;
    }

    /** A receiver that passes each file to {@code target}'s stream until the limit, then fails the upload. */
    public Receiver receiver(Receiver target) {
        return (fileName, mimeType) -> new Counted(target.receiveUpload(fileName, mimeType), maxBytes);
    }

    /** Whether an upload failed for going over its limit, given the reason of Vaadin's {@code FailedEvent}. */
    public static boolean exceeded(Throwable reason) {
        for (Throwable cause = reason; cause != null; cause = cause.getCause()) {
            if (cause instanceof Exceeded) {
                return true;
            }
        }
        return false;
    }

    /** The upload sent more than its limit; what arrived before it stays with the receiver's target. */
    public static final class Exceeded extends IOException {

        private static final long serialVersionUID = 1L;

        Exceeded(int maxBytes) {
            super("the upload is larger than its limit of " + maxBytes + " bytes");
        }
    }

    /** Counts before it writes, and once over the limit refuses every further write. */
    private static final class Counted extends FilterOutputStream {

        private final int maxBytes;
        private long received;

        Counted(OutputStream target, int maxBytes) {
            super(target);
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            count(length);
            out.write(bytes, offset, length);
        }

        private void count(int bytes) throws Exceeded {
            if (received + bytes > maxBytes) {
                received = maxBytes + 1L;
                throw new Exceeded(maxBytes);
            }
            received += bytes;
        }
    }
}
