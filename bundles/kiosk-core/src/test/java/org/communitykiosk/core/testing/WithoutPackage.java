package org.communitykiosk.core.testing;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A bundle without one of its optional imports, for tests: the classes of the given class's package come afresh from
 * the build output, everything else from the test class path, except the hidden package, which is not there. A screen
 * that names a hidden type in a signature then fails to load or to be reflected on, as it would in Karaf when the
 * bundle that exports the type is not installed.
 */
public final class WithoutPackage extends URLClassLoader {

    private final String own;
    private final String hidden;

    /**
     * @param from a class of the package under test
     * @param hiddenPackage for example {@code org.communitykiosk.print}
     */
    public WithoutPackage(Class<?> from, String hiddenPackage) {
        super(new URL[] { from.getProtectionDomain().getCodeSource().getLocation() }, from.getClassLoader());
        this.own = from.getPackageName() + ".";
        this.hidden = hiddenPackage + ".";
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (name.startsWith(hidden)) {
                throw new ClassNotFoundException(name);
            }
            if (name.startsWith(own)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
