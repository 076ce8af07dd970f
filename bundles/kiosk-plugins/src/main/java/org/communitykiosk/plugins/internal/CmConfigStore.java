package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A configuration through ConfigurationAdmin. Karaf's file install keeps {@code felix.fileinstall.filename} in the
 * properties of a configuration it read from {@code etc/<pid>.cfg} and, on update, writes the new values back into that
 * file (keeping its comments): {@link #write} therefore passes every property it read back, that one included, and
 * writes values as strings, as a {@code .cfg} file holds them.
 */
final class CmConfigStore implements ConfigStore {

    private final ConfigurationAdmin configurationAdmin;
    private final String pid;

    CmConfigStore(ConfigurationAdmin configurationAdmin, String pid) {
        this.configurationAdmin = configurationAdmin;
        this.pid = pid;
    }

    @Override
    public Map<String, Object> read() throws IOException {
        Dictionary<String, Object> properties = configuration().getProperties();
        Map<String, Object> map = new HashMap<>();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                map.put(key, properties.get(key));
            }
        }
        return map;
    }

    @Override
    public void write(Map<String, Object> properties) throws IOException {
        Hashtable<String, Object> dictionary = new Hashtable<>();
        properties.forEach((key, value) -> {
            if (value != null) {
                dictionary.put(key, value);
            }
        });
        configuration().update(dictionary);
    }

    /** The existing configuration, or a new one any bundle may use ("?": the settings component lives elsewhere). */
    private Configuration configuration() throws IOException {
        return configurationAdmin.getConfiguration(pid, "?");
    }
}
