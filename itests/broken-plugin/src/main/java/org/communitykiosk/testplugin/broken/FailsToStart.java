package org.communitykiosk.testplugin.broken;

import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A plugin whose activation throws: the shell must show an error card for it and carry on. */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + FailsToStart.ID)
public class FailsToStart implements KioskPlugin {

    static final String ID = "broken-start";

    @Activate
    public FailsToStart() {
        throw new IllegalStateException("this test plugin fails to start on purpose");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "broken-start.title";
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
        return List.of();
    }
}
