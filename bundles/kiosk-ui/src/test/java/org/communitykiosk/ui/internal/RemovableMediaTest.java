package org.communitykiosk.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which mounted file systems staff may export to, read from a mount table as the kernel writes it. */
class RemovableMediaTest {

    private static final List<String> ROOTS = List.of("/media", "/run/media", "/mnt");

    @Test
    void onlyWritableFileSystemsMountedBelowARootAreOffered() {
        List<String> table = List.of(
                "/dev/sda1 / ext4 rw,relatime 0 0",
                "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0",
                "tmpfs /run tmpfs rw,nosuid,nodev,size=1024k 0 0",
                "/dev/sdb1 /media/kiosk/USB\\040STICK vfat rw,nosuid,nodev,relatime,uid=1000 0 0",
                "/dev/sdc1 /run/media/kiosk/DOCTOR exfat rw,nosuid,nodev 0 0",
                "/dev/sr0 /media/kiosk/CDROM iso9660 ro,nosuid,nodev 0 0",
                "/dev/sdd1 /mnt ext4 rw 0 0",
                "/dev/sde1 /srv/usb vfat rw 0 0",
                "/dev/sdf1 /mediaX/usb vfat rw 0 0");
        List<RemovableMedia.Medium> media = RemovableMedia.parse(table, ROOTS);
        assertEquals(List.of(Paths.get("/media/kiosk/USB STICK"), Paths.get("/run/media/kiosk/DOCTOR")),
                media.stream().map(RemovableMedia.Medium::mountPoint).toList(),
                "no read-only disc, no root itself (/mnt), nothing outside the roots, no look-alike folder");
        assertEquals("USB STICK", media.get(0).label());
    }

    @Test
    void noRootsNoMedia() {
        assertEquals(List.of(), RemovableMedia.parse(List.of("/dev/sdb1 /media/usb vfat rw 0 0"), List.of()));
    }
}
