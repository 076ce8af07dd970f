package org.communitykiosk.plugins.internal;

import java.nio.file.Path;
import java.util.List;

import org.communitykiosk.api.Actor;

/**
 * Adds plugins from a plugin archive (KAR) to the kiosk's list, without installing them.
 */
public interface PluginImport {

    /**
     * Checks the archive and adds the features repository it holds to Karaf; audited as {@code plugins.import}.
     *
     * @return the plugin features it added, now listed as not installed
     * @throws org.communitykiosk.api.InvalidInputException {@code plugins.kar.error.*} or
     *         {@code plugins.error.incompatible}; nothing was changed
     */
    List<String> importArchive(Path file, String displayName, Actor actor);

    /** Archives ({@code *.kar}) offered in the import folders (a USB stick, the kiosk's import folder). */
    List<Path> offered();

    /** The publishers whose archives this kiosk imports. */
    List<Publishers.Publisher> publishers();

    /** Certificates ({@code *.crt}, {@code *.pem}) offered in the import folders, for an admin to trust. */
    List<Path> offeredCertificates();

    /**
     * Trusts the publisher of the certificate; audited as {@code plugins.publisher}.
     *
     * @throws org.communitykiosk.api.InvalidInputException {@code plugins.publishers.error.*}; nothing was changed
     */
    Publishers.Publisher trust(Path certificate, Actor actor);

    /** Stops trusting the publisher; archives imported before stay. Audited as {@code plugins.publisher}. */
    void distrust(String fingerprint, Actor actor);
}
