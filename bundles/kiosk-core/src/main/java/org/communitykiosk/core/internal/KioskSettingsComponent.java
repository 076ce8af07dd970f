package org.communitykiosk.core.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.communitykiosk.api.KioskSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The kiosk settings service. A changed configuration is taken in place ({@code @Modified}): re-activating the
 * component would unregister the service and restart everything holding it statically (the shell servlet with every
 * open session, every plugin), which is exactly what a live settings change must not do. Holders read values on
 * each use, and each read sees one consistent set.
 */
@Component(service = KioskSettings.class, name = KioskSettingsComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = KioskSettingsConfig.class)
public final class KioskSettingsComponent implements KioskSettings {

    public static final String PID = "org.communitykiosk.kiosk";

    private volatile Settings settings;

    @Activate
    public KioskSettingsComponent(KioskSettingsConfig config) {
        this.settings = Settings.from(config);
    }

    @Modified
    void modified(KioskSettingsConfig config) {
        this.settings = Settings.from(config);
    }

    @Override
    public String kioskId() {
        return settings.kioskId();
    }

    @Override
    public String kioskName() {
        return settings.kioskName();
    }

    @Override
    public String communityName() {
        return settings.communityName();
    }

    @Override
    public Locale defaultLocale() {
        return settings.defaultLocale();
    }

    @Override
    public ZoneId zone() {
        return settings.zone();
    }

    @Override
    public Duration residentIdleTimeout() {
        return settings.residentIdleTimeout();
    }

    @Override
    public Duration staffIdleTimeout() {
        return settings.staffIdleTimeout();
    }

    @Override
    public boolean demoData() {
        return settings.demoData();
    }

    @Override
    public List<String> tileOrder() {
        return settings.tileOrder();
    }

    @Override
    public List<String> hiddenPlugins() {
        return settings.hiddenPlugins();
    }

    @Override
    public Duration keepAwakeMax() {
        return settings.keepAwakeMax();
    }

    @Override
    public List<String> exportRoots() {
        return settings.exportRoots();
    }

    @Override
    public Set<String> pinRequiredFor() {
        return settings.pinRequiredFor();
    }

    @Override
    public String toString() {
        return "KioskSettings[" + settings.kioskId() + "]";
    }
}
