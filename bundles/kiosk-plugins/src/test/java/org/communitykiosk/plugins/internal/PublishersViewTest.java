package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.communitykiosk.core.testing.FakeViewContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;

/** An admin trusts a publisher from its certificate on a USB stick only after seeing its fingerprint. */
class PublishersViewTest {

    @TempDir
    Path dir;

    @Test
    void theFingerprintIsShownBeforeThePublisherIsTrustedAndRemovingItIsOneTap() throws Exception {
        TestPublisher publisher = TestPublisher.create(dir, "publisher");
        Path stick = Files.createDirectories(dir.resolve("media/stick"));
        publisher.certificateFile(stick);
        Files.writeString(stick.resolve("0-broken.crt"), "not a certificate");
        FakeAudit audit = new FakeAudit();
        Publishers trusted = new Publishers(dir.resolve("etc/kiosk-publishers"));
        KarPluginImport importer = new KarPluginImport(new KarPluginImport.Repositories() {
            @Override
            public void add(java.net.URI uri) {
            }

            @Override
            public void remove(java.net.URI uri) {
            }
        }, audit, () -> new Version(1, 0, 0), List.of(dir.resolve("media")), dir.resolve("data/kar"), trusted);
        PublishersView view = new PublishersView(FakeContext.staff(), importer);
        assertFalse(FakeViewContext.get(view, "publishers-check").isVisible());

        ((Button) FakeViewContext.get(view, "publisher-offered-0")).click(); // 0-broken.crt sorts first
        Paragraph error = (Paragraph) FakeViewContext.get(view, "publishers-error");
        assertTrue(error.isVisible() && error.getText().contains("not a publisher certificate"),
                error.getText());

        ((Button) FakeViewContext.get(view, "publisher-offered-1")).click();
        String fingerprint = Publishers.fingerprint(publisher.certificate);
        assertTrue(((Paragraph) FakeViewContext.get(view, "publisher-candidate-fingerprint")).getText()
                .contains(fingerprint));
        assertEquals(List.of(), trusted.certificates(), "nothing is trusted before the admin confirms");

        ((Button) FakeViewContext.get(view, "publisher-trust")).click();
        assertEquals(List.of(publisher.certificate), trusted.certificates());
        assertTrue(((Paragraph) FakeViewContext.get(view, "publisher-0-fingerprint")).getText().contains(fingerprint));
        assertFalse(FakeViewContext.get(view, "publishers-check").isVisible());

        ((Button) FakeViewContext.get(view, "publisher-remove-0")).click();
        assertEquals(List.of(), trusted.certificates());
        assertEquals(List.of("staff:admin plugins.publisher publisher:" + fingerprint + " trusted " + Publishers.name(
                        publisher.certificate),
                "staff:admin plugins.publisher publisher:" + fingerprint + " no longer trusted"), audit.lines);
    }
}
