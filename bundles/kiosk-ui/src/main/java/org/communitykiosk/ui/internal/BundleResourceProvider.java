package org.communitykiosk.ui.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.vaadin.flow.di.ResourceProvider;

/**
 * Vaadin's own resource provider uses flow-server's class loader, which cannot see the production build
 * ({@code META-INF/VAADIN/**}) inside this bundle. Application resources come from this bundle; client resources
 * (flow-client, flow-push) are also looked for in the other bundles' entries.
 */
public class BundleResourceProvider implements ResourceProvider {

    private final Map<String, byte[]> clientResources = new ConcurrentHashMap<>();

    private static ClassLoader shellLoader() {
        return BundleResourceProvider.class.getClassLoader();
    }

    @Override
    public URL getApplicationResource(String path) {
        return shellLoader().getResource(path);
    }

    @Override
    public List<URL> getApplicationResources(String path) throws IOException {
        return Collections.list(shellLoader().getResources(path));
    }

    @Override
    public URL getClientResource(String path) {
        URL url = getApplicationResource(path);
        return url != null ? url : findInBundles(path);
    }

    @Override
    public InputStream getClientResourceAsStream(String path) throws IOException {
        byte[] data = clientResources.get(path);
        if (data == null) {
            URL url = getClientResource(path);
            if (url == null) {
                throw new IOException("client resource not found in any bundle: " + path);
            }
            try (InputStream in = url.openStream()) {
                data = in.readAllBytes();
            }
            clientResources.put(path, data);
        }
        return new ByteArrayInputStream(data);
    }

    /** Finds a path as an entry of any resolved bundle (META-INF/resources of flow-push and the like). */
    static URL findInBundles(String path) {
        Bundle self = FrameworkUtil.getBundle(BundleResourceProvider.class);
        if (self == null || self.getBundleContext() == null) {
            return null;
        }
        String entry = path.startsWith("/") ? path.substring(1) : path;
        for (Bundle bundle : self.getBundleContext().getBundles()) {
            if ((bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                URL url = bundle.getEntry(entry);
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }
}
