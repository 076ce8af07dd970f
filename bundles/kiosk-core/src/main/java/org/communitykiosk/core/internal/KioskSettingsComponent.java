package org.communitykiosk.core.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.communitykiosk.api.KioskSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The kiosk settings service. No {@code @Modified}: a changed configuration re-activates the component, so the
 * service is re-registered and every holder sees consistent values.
 */
@Component(service = KioskSettings.class, name = KioskSettingsComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = KioskSettingsConfig.class)
public final class KioskSettingsComponent implements KioskSettings {

    public static final String PID = "org.communitykiosk.kiosk";

    private final Settings settings;

    @Activate
    public KioskSettingsComponent(KioskSettingsConfig config) {
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
    public String toString() {
        return "KioskSettings[" + settings.kioskId() + "]";
    }
}
