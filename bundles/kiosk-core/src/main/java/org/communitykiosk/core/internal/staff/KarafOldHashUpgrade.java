package org.communitykiosk.core.internal.staff;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OldHashUpgrade} for Karaf's properties realm ({@code etc/users.properties}): reads the stored password from
 * the realm's users file, and stores the new one through Karaf's own {@link BackingEngine} for that realm (as
 * {@code jaas:user-add} does), which hashes it with the realm's configured encryption and keeps the user's roles.
 * <p>
 * The realm and the backing engine are looked up when an old hash is found, which happens once per account: they
 * are Karaf's services, registered without properties to select them by, and keeping references to them would tie
 * staff sign-in's lifecycle to the JAAS bundles' for the sake of a one-off migration.
 */
final class KarafOldHashUpgrade implements OldHashUpgrade {

    static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    private static final Logger LOG = LoggerFactory.getLogger(KarafOldHashUpgrade.class);

    private final Function<String, Optional<Map<String, ?>>> realmOptions;
    private final Function<Map<String, ?>, Optional<BackingEngine>> engines;

    KarafOldHashUpgrade(BundleContext context) {
        this(realm -> propertiesOptions(context, realm), options -> engine(context, options));
    }

    /** For tests: the options of the realm's properties module, and the backing engine built from them. */
    KarafOldHashUpgrade(Function<String, Optional<Map<String, ?>>> realmOptions,
            Function<Map<String, ?>, Optional<BackingEngine>> engines) {
        this.realmOptions = realmOptions;
        this.engines = engines;
    }

    @Override
    public boolean upgrade(String realm, String user, char[] password) {
        Optional<Map<String, ?>> found = realmOptions.apply(realm);
        if (found.isEmpty()) {
            return false;
        }
        Map<String, ?> options = found.get();
        if (!Boolean.parseBoolean(text(options, "encryption.enabled"))
                || "basic".equals(text(options, "encryption.name"))) {
            // unsalted SHA-256 is what the realm hashes with now: nothing is old
            return false;
        }
        String prefix = text(options, "encryption.prefix");
        String suffix = text(options, "encryption.suffix");
        Optional<String> stored = storedPassword(Paths.get(text(options, "users")), user);
        if (stored.isEmpty() || !OldSha256Hash.matches(stored.get(), prefix, suffix, password)) {
            return false;
        }
        Optional<BackingEngine> engine = engines.apply(options);
        if (engine.isEmpty()) {
            LOG.warn("an old SHA-256 password hash cannot be replaced: no backing engine for realm {}", realm);
            return false;
        }
        // addUser of an existing user replaces the password and keeps the roles
        engine.get().addUser(user, new String(password));
        LOG.info("replaced an old SHA-256 password hash in realm {} with the realm's current hashing", realm);
        return true;
    }

    private static String text(Map<String, ?> options, String key) {
        Object value = options.get(key);
        return value == null ? "" : value.toString();
    }

    /** The first field of the user's entry in the users file: the stored password. */
    static Optional<String> storedPassword(Path usersFile, String user) {
        if (!Files.isRegularFile(usersFile)) {
            return Optional.empty();
        }
        Properties users = new Properties();
        try (Reader in = Files.newBufferedReader(usersFile, StandardCharsets.ISO_8859_1)) {
            users.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read the users file {}: {}", usersFile, e.toString());
            return Optional.empty();
        }
        String entry = users.getProperty(user);
        return entry == null ? Optional.empty() : Optional.of(entry.split(",", 2)[0].strip());
    }

    /** The options of the properties login module of the highest-ranked realm of that name. */
    private static Optional<Map<String, ?>> propertiesOptions(BundleContext context, String realmName) {
        List<ServiceReference<JaasRealm>> references;
        try {
            references = List.copyOf(context.getServiceReferences(JaasRealm.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, ?> best = null;
        int bestRank = Integer.MIN_VALUE;
        for (ServiceReference<JaasRealm> reference : references) {
            JaasRealm realm = context.getService(reference);
            if (realm == null) {
                continue;
            }
            try {
                if (realmName.equals(realm.getName()) && realm.getRank() > bestRank) {
                    for (AppConfigurationEntry entry : realm.getEntries()) {
                        Object module = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
                        if (PROPERTIES_MODULE.equals(module) || PROPERTIES_MODULE.equals(entry.getLoginModuleName())) {
                            best = entry.getOptions();
                            bestRank = realm.getRank();
                            break;
                        }
                    }
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<BackingEngine> engine(BundleContext context, Map<String, ?> options) {
        try {
            return context.getServiceReferences(BackingEngineFactory.class, null).stream()
                    .sorted(Comparator.reverseOrder())
                    .map(reference -> {
                        BackingEngineFactory factory = context.getService(reference);
                        try {
                            return factory != null && PROPERTIES_MODULE.equals(factory.getModuleClass())
                                    ? factory.build(options) : null;
                        } finally {
                            context.ungetService(reference);
                        }
                    })
                    .filter(java.util.Objects::nonNull)
                    .findFirst();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
