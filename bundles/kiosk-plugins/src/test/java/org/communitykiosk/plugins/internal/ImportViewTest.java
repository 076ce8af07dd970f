package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.communitykiosk.api.Actor;
import org.communitykiosk.core.testing.FakeViewContext;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.FailedEvent;
import com.vaadin.flow.component.upload.Upload;

/** The plugin archive upload: received only up to its limit, whatever the page was made to allow. */
class ImportViewTest {

    /** No archive offered and nothing imported. */
    private static final PluginImport KAR = new PluginImport() {
        @Override
        public List<String> importArchive(Path file, String displayName, Actor actor) {
            throw new AssertionError("nothing is imported here");
        }

        @Override
        public List<Path> offered() {
            return List.of();
        }

        @Override
        public List<Publishers.Publisher> publishers() {
            return List.of();
        }

        @Override
        public List<Path> offeredCertificates() {
            return List.of();
        }

        @Override
        public Publishers.Publisher trust(Path certificate, Actor actor) {
            throw new AssertionError("nobody is trusted here");
        }

        @Override
        public void distrust(String fingerprint, Actor actor) {
            throw new AssertionError("nobody is trusted here");
        }
    };

    @Test
    void theUploadStopsReceivingAtTheLimitWhateverThePageAllowsAndLeavesNoFile() throws IOException {
        ImportView view = new ImportView(FakeContext.staff(), KAR, Runnable::run);
        Upload upload = (Upload) FakeViewContext.get(view, "plugins-import-upload");
        byte[] megabyte = new byte[1024 * 1024];
        IOException stopped;
        try (OutputStream received = upload.getReceiver().receiveUpload("huge.kar", "application/zip")) {
            for (int i = 0; i < ImportView.UPLOAD.maxBytes() / megabyte.length; i++) {
                received.write(megabyte);
            }
            stopped = assertThrows(IOException.class, () -> received.write(megabyte));
        } catch (AssertionError | IOException notStopped) {
            leftFiles();
            throw notStopped;
        }
        // what Vaadin does when the receiver fails: the upload's failed listeners hear why
        ComponentUtil.fireEvent(upload, new FailedEvent(upload, "huge.kar", "application/zip", 0, stopped));
        assertEquals(List.of(), leftFiles(), "the refused upload left its part on the disk");
        Paragraph error = (Paragraph) FakeViewContext.get(view, "plugins-import-error");
        assertTrue(error.isVisible() && error.getText().contains("200 MB"), error.getText() + " / " + stopped);
    }

    /** Vaadin's temporary upload files of this test's archive (FileBuffer names them so). */
    private static List<Path> leftFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            List<Path> left = files.filter(f -> f.getFileName().toString().startsWith("upload_tmpfile_huge.kar"))
                    .toList();
            for (Path file : left) {
                Files.delete(file);
            }
            return left;
        }
    }
}
