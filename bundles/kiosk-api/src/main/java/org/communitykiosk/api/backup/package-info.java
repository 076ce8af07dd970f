/**
 * Backups of the kiosk's database, as far as plugins take part: a plugin that holds something a backup must not copy
 * now registers a {@link org.communitykiosk.api.backup.BackupHold}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.communitykiosk.api.backup;
