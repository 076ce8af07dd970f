package org.communitykiosk.ui.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The removable media staff may export to: file systems mounted (by the desktop's automounter, or by hand) strictly
 * below one of the configured roots ({@code exportRoots}, default {@code /media}, {@code /run/media}, {@code /mnt}),
 * read from the kernel's mount table ({@code /proc/self/mounts}). A folder that is not a mount point of its own is the
 * kiosk's own disk and never offered, nor is a medium mounted read-only or a kernel file system.
 */
final class RemovableMedia {

    private static final Logger LOG = LoggerFactory.getLogger(RemovableMedia.class);
    private static final Path MOUNTS = Paths.get("/proc/self/mounts");
    private static final Set<String> KERNEL_FILE_SYSTEMS = Set.of("proc", "sysfs", "devtmpfs", "devpts", "cgroup",
            "cgroup2", "securityfs", "debugfs", "tracefs", "pstore", "bpf", "mqueue", "hugetlbfs", "autofs",
            "configfs", "fusectl", "binfmt_misc", "efivarfs", "rpc_pipefs", "nsfs");

    /** One medium: where it is mounted and its file system type. */
    record Medium(Path mountPoint, String type) {

        String label() {
            return mountPoint.getFileName() == null ? mountPoint.toString() : mountPoint.getFileName().toString();
        }
    }

    private RemovableMedia() {
    }

    /** The media mounted now under the roots, in the order of the mount table. */
    static List<Medium> mounted(List<String> roots) {
        try {
            return parse(Files.readAllLines(MOUNTS), roots);
        } catch (IOException e) {
            LOG.warn("the mount table could not be read: {}", e.toString());
            return List.of();
        }
    }

    static List<Medium> parse(List<String> mountTable, List<String> roots) {
        List<Medium> media = new ArrayList<>();
        for (String line : mountTable) {
            String[] fields = line.split(" ");
            if (fields.length < 4) {
                continue;
            }
            Path mountPoint = Paths.get(unescape(fields[1])).normalize();
            String type = fields[2];
            boolean readOnly = List.of(fields[3].split(",")).contains("ro");
            if (readOnly || KERNEL_FILE_SYSTEMS.contains(type) || !below(mountPoint, roots)) {
                continue;
            }
            media.removeIf(m -> m.mountPoint().equals(mountPoint)); // mounted over: the last one counts
            media.add(new Medium(mountPoint, type));
        }
        return media;
    }

    private static boolean below(Path mountPoint, List<String> roots) {
        for (String root : roots) {
            Path base = Paths.get(root).normalize();
            if (mountPoint.startsWith(base) && !mountPoint.equals(base)) {
                return true;
            }
        }
        return false;
    }

    /** The mount table writes a space as {@code \040}, a tab {@code \011}, a backslash {@code \134}. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Writes the file onto the medium under a name of its own (never over another file) and waits until it is on the
     * medium, so that staff may pull the stick out when told it is saved.
     *
     * @return the file written
     */
    static Path write(Medium medium, String fileName, byte[] content) throws IOException {
        // checked again now: the stick may have been pulled out since the list was shown
        if (!mounted(List.of(medium.mountPoint().getParent().toString())).contains(medium)) {
            throw new IOException("medium no longer mounted: " + medium.mountPoint());
        }
        Path file = medium.mountPoint().resolve(fileName).normalize();
        if (!medium.mountPoint().equals(file.getParent())) {
            throw new IOException("not a plain file name: " + fileName);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            out.write(content);
            out.flush();
            channel.force(true);
        }
        return file;
    }
}
