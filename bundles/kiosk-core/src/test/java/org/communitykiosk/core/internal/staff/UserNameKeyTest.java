package org.communitykiosk.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserNameKeyTest {

    @Test
    void theKeyIsMadeOnceOutsideTheDatabaseAndReadableByTheKioskOnly(@TempDir Path etc) throws Exception {
        Path file = etc.resolve("keys/staff-names.key");
        UserNameKey first = UserNameKey.inFile(file);
        assertTrue(Files.isRegularFile(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String made = Files.readString(file);
        UserNameKey again = UserNameKey.inFile(file);
        assertEquals(made, Files.readString(file), "kept, not made anew");
        assertEquals(first.of("wang"), again.of("wang"));
        assertEquals(1, Files.list(file.getParent()).count(), "no partial file left behind");
    }

    @Test
    void aNameIsCountedUnderItsKeyedHashWhateverItsCase() {
        UserNameKey key = new UserNameKey(new byte[32]);
        String hash = key.of("Quiet-Harbour-4417");
        assertEquals(64, hash.length());
        assertFalse(hash.contains("Quiet") || hash.contains("4417"));
        assertEquals(hash, key.of(" quiet-harbour-4417 "));
        assertNotEquals(hash, new UserNameKey(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 })
                .of("Quiet-Harbour-4417"), "another kiosk's key, another hash");
        assertThrows(IllegalArgumentException.class, () -> new UserNameKey(new byte[8]));
    }

    @Test
    void aDamagedKeyFileIsAClearError(@TempDir Path etc) throws Exception {
        Path file = etc.resolve("staff-names.key");
        Files.writeString(file, "not hex");
        assertThrows(IllegalStateException.class, () -> UserNameKey.inFile(file));
    }
}
