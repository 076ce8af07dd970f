package org.communitykiosk.plugins.internal;

import java.nio.file.Path;
import java.util.List;

import org.communitykiosk.api.Actor;

/**
 * Adds plugins from a plugin archive (KAR) to the kiosk's list, without installing them.
 */
interface PluginImport {

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
}
