package org.communitykiosk.api.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

/** The receiver takes a file up to its limit and not one byte more, however the bytes arrive. */
class UploadLimitTest {

    @Test
    void theLimitItselfArrivesWholeAndTheNextByteFailsTheUpload() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        OutputStream received = new UploadLimit(10).receiver((name, type) -> target).receiveUpload("a.csv", "text/csv");
        received.write(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
        received.write(10);
        UploadLimit.Exceeded over = assertThrows(UploadLimit.Exceeded.class, () -> received.write(11));
        assertArrayEquals(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, target.toByteArray(), "nothing past the limit");
        // a sender that goes on after the failure gets nowhere
        assertThrows(UploadLimit.Exceeded.class, () -> received.write(new byte[0]));
        assertThrows(UploadLimit.Exceeded.class, () -> received.write(new byte[] { 1 }, 0, 1));
        assertEquals(10, target.size());
        assertTrue(UploadLimit.exceeded(new UncheckedIOException(over)), "found among the causes");
        assertFalse(UploadLimit.exceeded(new IOException("connection reset")));
        assertFalse(UploadLimit.exceeded(null));
    }

    @Test
    void aBlockThatWouldCrossTheLimitIsNotWrittenInPart() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        OutputStream received = UploadLimit.megabytes(1).receiver((name, type) -> target).receiveUpload("a", "b");
        received.write(new byte[1024 * 1024 - 1]);
        assertThrows(UploadLimit.Exceeded.class, () -> received.write(new byte[4096]));
        assertEquals(1024 * 1024 - 1, target.size());
        assertEquals(1, UploadLimit.megabytes(1).inMegabytes());
        assertThrows(IllegalArgumentException.class, () -> new UploadLimit(0));
    }
}
