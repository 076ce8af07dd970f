package org.communitykiosk.plugins.internal;

import java.util.ArrayList;
import java.util.List;

import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.plugins.api.PluginInfo;
import org.communitykiosk.plugins.api.PluginManager;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Staff console: the kiosk's settings (configuration {@code org.communitykiosk.kiosk}, written back by Karaf to
 * {@code etc/org.communitykiosk.kiosk.cfg}), for role {@code kiosk-admin} only. Applied without restart.
 * <p>
 * View {@code /settings} (ADMIN). Element ids, kept stable for browser tests: {@code settings-form};
 * {@code settings-kiosk-name}, {@code settings-community}, {@code settings-language} (radio buttons {@code zh-CN},
 * {@code en}), {@code settings-idle} (resident idle timeout, seconds, 15..3600), {@code settings-staff-idle};
 * tiles {@code settings-tiles}, per plugin id {@code settings-tile-<id>}, {@code settings-show-<id>} (checkbox),
 * {@code settings-tile-up-<id>}, {@code settings-tile-down-<id>}; PIN steps {@code settings-pin}, per action of
 * {@code PinAction.ALL} a checkbox {@code settings-pin-<action, dots as dashes>} (e.g.
 * {@code settings-pin-points-spend}) and its {@code -protects} line, {@code settings-pin-none} (shown while none is
 * ticked), ids in the file the kiosk does not know {@code settings-pin-unknown} and {@code settings-pin-other-<n>},
 * a refused id {@code settings-pin-error}; {@code settings-demo} (checkbox);
 * {@code settings-save}; a refusal in words {@code settings-error}; back home {@code settings-home}.
 */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + SettingsPlugin.ID)
public final class SettingsPlugin implements KioskPlugin {

    static final String ID = "settings";

    private final List<PluginView> views;

    @Activate
    public SettingsPlugin(@Reference(name = "configurationAdmin") ConfigurationAdmin configurationAdmin,
            @Reference(name = "audit") AuditLog audit, @Reference(name = "manager") PluginManager manager) {
        KioskSettingsEditor editor = new KioskSettingsEditor(
                new CmConfigStore(configurationAdmin, KioskSettingsEditor.PID), audit);
        this.views = List.of(new PluginView("", Audience.ADMIN,
                context -> new SettingsView(context, editor, installedPluginIds(manager))));
    }

    static List<String> installedPluginIds(PluginManager manager) {
        List<String> ids = new ArrayList<>();
        for (PluginInfo plugin : manager.list()) {
            if (plugin.installed()) {
                plugin.pluginIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
            }
        }
        return ids;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "settings.title";
    }

    @Override
    public String descriptionKey() {
        return "settings.description";
    }

    @Override
    public String icon() {
        return "vaadin:cog";
    }

    @Override
    public int order() {
        return 930;
    }

    @Override
    public Audience audience() {
        return Audience.ADMIN;
    }

    @Override
    public List<PluginView> views() {
        return views;
    }
}
