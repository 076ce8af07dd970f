package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** A configuration in a map, as Karaf's file install hands it over (strings, and the file name property). */
final class MapConfigStore implements ConfigStore {

    Map<String, Object> properties = new HashMap<>();
    int writes;
    boolean failing;

    @Override
    public Map<String, Object> read() {
        return new HashMap<>(properties);
    }

    @Override
    public void write(Map<String, Object> replacement) throws IOException {
        if (failing) {
            throw new IOException("disk full");
        }
        writes++;
        properties = new HashMap<>(replacement);
    }
}
