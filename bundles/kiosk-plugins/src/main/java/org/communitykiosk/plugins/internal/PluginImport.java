package org.communitykiosk.plugins.internal;

import java.nio.file.Path;
import java.util.List;

import org.communitykiosk.api.Actor;

/**
 * Adds plugins from a plugin archive (KAR) to the kiosk's list, without installing them. A service of its own, and
 * Karaf's KAR support optional, so that the console works without it.
 */
interface PluginImport {

    /** Whether Karaf's KAR support is installed. */
    boolean available();

    /**
     * Checks the archive and hands it to Karaf; audited as {@code plugins.import}.
     *
     * @return the plugin features it added, now listed as not installed
     * @throws org.communitykiosk.api.InvalidInputException {@code plugins.kar.error.*} or
     *         {@code plugins.error.incompatible}; nothing was changed
     */
    List<String> importArchive(Path file, String displayName, Actor actor);

    /** Archives ({@code *.kar}) offered in the import folders (a USB stick, the kiosk's import folder). */
    List<Path> offered();
}
