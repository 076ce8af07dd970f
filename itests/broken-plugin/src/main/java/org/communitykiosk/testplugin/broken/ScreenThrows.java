package org.communitykiosk.testplugin.broken;

import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.osgi.service.component.annotations.Component;

/** A plugin that starts but whose screen throws while it is built. */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + ScreenThrows.ID)
public class ScreenThrows implements KioskPlugin {

    static final String ID = "broken-view";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "broken-view.title";
    }

    @Override
    public String icon() {
        return "vaadin:bug";
    }

    @Override
    public Audience audience() {
        return Audience.PUBLIC;
    }

    @Override
    public List<PluginView> views() {
        return List.of(new PluginView("", Audience.PUBLIC, context -> {
            throw new IllegalStateException("this test screen fails on purpose");
        }));
    }
}
