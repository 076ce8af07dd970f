package org.communitykiosk.core.internal.staff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.core.internal.AuditActions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAAS realm of the technician shell ({@code sshRealm = kiosk-shell} in {@code etc/org.apache.karaf.shell.cfg}):
 * Karaf's own realm {@code karaf} behind a gate that, on a kiosk in service ({@code demoData = false}), refuses the
 * passwords the README publishes ({@link ShippedPasswords}), as the kiosk's screen does.
 * <p>
 * Karaf's entries are taken as they are at every login, not rebuilt here: the accounts of {@code etc/users.properties}
 * with the hashing of {@code etc/org.apache.karaf.jaas.cfg}, and ssh keys in {@code etc/keys.properties}, stay
 * defined in one place, and a change there applies to the screen and the shell alike.
 * <p>
 * The gate comes first and is requisite: a published password ends the login before any account is looked at, so
 * trying it tells nobody which accounts still have it. It never lets anyone in by itself ({@link
 * ShellGateLoginModule}). The realm needs nothing but the settings: the shell is how a technician mends a kiosk whose
 * database is broken, so refusals are audited when the audit log is there, and the shell works when it is not.
 */
@Component(service = JaasRealm.class)
public final class TechnicianShellRealm implements JaasRealm, ShellGate {

    /** The realm's name, which {@code sshRealm} names. */
    public static final String NAME = "kiosk-shell";
    /** Karaf's realm of {@code etc/users.properties}: the one the shell used before, and staff sign-in uses. */
    static final String GUARDED_REALM = "karaf";
    /** Where the audit log says a shell login came from, next to the screen's and the devices' places. */
    static final String PLACE = "shell";

    private static final Logger LOG = LoggerFactory.getLogger(TechnicianShellRealm.class);

    private final long bundleId;
    /** {@code null}: the JVM-wide JAAS configuration, which Karaf installs for its realms. */
    private final Configuration realms;
    private final KioskSettings settings;
    /** {@code null} while there is no audit log (a kiosk whose database does not start). */
    private final AuditLog audit;

    @Activate
    public TechnicianShellRealm(BundleContext context,
            @Reference(name = "settings") KioskSettings settings,
            @Reference(name = "audit", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) AuditLog audit) {
        this(context.getBundle().getBundleId(), null, settings, audit);
    }

    /** For tests: Karaf's realms in {@code realms}, the gate's module in the bundle {@code bundleId}. */
    TechnicianShellRealm(long bundleId, Configuration realms, KioskSettings settings, AuditLog audit) {
        if (settings == null) {
            throw new IllegalArgumentException("the technician shell's realm needs the kiosk settings (demoData)");
        }
        this.bundleId = bundleId;
        this.realms = realms;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        Map<String, Object> gate = new HashMap<>();
        // as Karaf's own realms do: JAAS loads ProxyLoginModule, which loads the module from the bundle named here
        gate.put(ProxyLoginModule.PROPERTY_MODULE, ShellGateLoginModule.class.getName());
        gate.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(bundleId));
        gate.put(ShellGateLoginModule.GATE, this);
        List<AppConfigurationEntry> entries = new ArrayList<>();
        entries.add(new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.REQUISITE,
                gate));
        AppConfigurationEntry[] karaf = guardedEntries();
        if (karaf.length == 0) {
            // the gate vouches for nobody, so the login fails: a shell with no accounts to check stays shut
            LOG.warn("the technician shell checks passwords in Karaf's realm {}, which has no login modules now:"
                    + " no shell login can succeed", GUARDED_REALM);
        }
        entries.addAll(List.of(karaf));
        return entries.toArray(AppConfigurationEntry[]::new);
    }

    private AppConfigurationEntry[] guardedEntries() {
        try {
            Configuration configuration = realms != null ? realms : Configuration.getConfiguration();
            AppConfigurationEntry[] entries = configuration.getAppConfigurationEntry(GUARDED_REALM);
            return entries == null ? new AppConfigurationEntry[0] : entries;
        } catch (SecurityException | IllegalStateException e) {
            // the JVM's own configuration, which Karaf falls back to for a realm it does not have, may throw
            LOG.warn("Karaf's realm {} cannot be read: {}", GUARDED_REALM, e.toString());
            return new AppConfigurationEntry[0];
        }
    }

    @Override
    public void check(char[] password) throws FailedLoginException {
        if (!settings.demoData() && ShippedPasswords.contains(password)) {
            // the user name stays out of the log and the audit: nothing checked it, and it may be anything typed
            LOG.warn("the technician shell refused a password published in the README: this kiosk is in service"
                    + " (demoData = false); a technician sets the account's own password in etc/users.properties");
            record(AuditActions.SHELL_SHIPPED_PASSWORD);
            throw new FailedLoginException("a kiosk in service refuses the published passwords in its technician"
                    + " shell: set a password of its own in etc/users.properties");
        }
    }

    @Override
    public void refused() {
        record(AuditActions.SHELL_SIGN_IN_FAILED);
    }

    private void record(String action) {
        if (audit == null) {
            LOG.info("technician shell: {} (not in the audit log: it is not running)", action);
            return;
        }
        try {
            // the kiosk's, as a failed sign-in at its screen: the person typing may not be the account's holder
            audit.record(new Actor(Actor.Kind.KIOSK, settings.kioskId()), action, "realm:" + NAME,
                    "place=" + PLACE);
        } catch (RuntimeException e) {
            // whether the shell opens must not depend on the database
            LOG.warn("technician shell: {} could not be audited: {}", action, e.toString());
        }
    }

    @Override
    public String toString() {
        return "TechnicianShellRealm[" + NAME + " guarding " + GUARDED_REALM + "]";
    }
}
