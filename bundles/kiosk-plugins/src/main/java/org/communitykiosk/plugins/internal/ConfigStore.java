package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.util.Map;

/** One configuration's properties, read and replaced as a whole (ConfigurationAdmin in the kiosk, a map in tests). */
interface ConfigStore {

    /** The current properties; empty when the configuration does not exist yet. */
    Map<String, Object> read() throws IOException;

    /** Replaces the properties; the configuration's other properties must be passed back unchanged. */
    void write(Map<String, Object> properties) throws IOException;
}
