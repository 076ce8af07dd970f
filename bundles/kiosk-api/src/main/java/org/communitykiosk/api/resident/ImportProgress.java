package org.communitykiosk.api.resident;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How far a CSV import has come with hashing the file's PINs, which takes the longest (each PIN hash is slow on
 * purpose): a screen shows it while the import runs off the UI thread.
 *
 * @since 2.1
 */
@ConsumerType
@FunctionalInterface
public interface ImportProgress {

    /** Nothing to show. */
    ImportProgress NONE = (hashed, total) -> {
    };

    /**
     * @param hashed PINs hashed so far
     * @param total PINs the file has
     */
    void pinsHashed(int hashed, int total);
}
