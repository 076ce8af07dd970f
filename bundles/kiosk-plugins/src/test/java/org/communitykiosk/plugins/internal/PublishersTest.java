package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.communitykiosk.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishersTest {

    @TempDir
    Path dir;

    @Test
    void anAdminTrustsAPublisherByItsCertificateAndStopsTrustingIt() throws Exception {
        TestPublisher publisher = TestPublisher.create(dir, "publisher");
        Path offered = publisher.certificateFile(dir);
        Publishers.Publisher seen = Publishers.inspect(offered);
        // the fingerprint keytool prints (keytool -printcert), which the publisher reads out to the centre
        assertTrue(seen.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), seen.fingerprint());
        assertTrue(seen.name().contains("CN=publisher"), seen.name());

        Publishers trusted = new Publishers(dir.resolve("etc/kiosk-publishers"));
        assertEquals(List.of(), trusted.certificates(), "nobody is trusted out of the box");
        trusted.add(offered);
        assertEquals(List.of(publisher.certificate), trusted.certificates());
        assertEquals(List.of(seen.fingerprint()), trusted.list().stream().map(Publishers.Publisher::fingerprint).toList());

        assertTrue(trusted.remove(seen.fingerprint()));
        assertEquals(List.of(), trusted.certificates());
        assertFalse(trusted.remove(seen.fingerprint()));
    }

    @Test
    void aFileThatIsNotACertificateIsRefusedAndNotTrusted() throws Exception {
        Path junk = Files.writeString(dir.resolve("publisher.crt"), "-----BEGIN CERTIFICATE-----\nAAAA\n");
        assertEquals("plugins.publishers.error.notCertificate",
                assertThrows(InvalidInputException.class, () -> Publishers.inspect(junk)).problems().get(0).key());
        Publishers trusted = new Publishers(dir);
        assertEquals(List.of(), trusted.certificates(), "a broken file in the folder trusts nobody");
    }
}
