package org.communitykiosk.testplugin.shadow;

import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

import com.vaadin.flow.component.html.Div;

/**
 * What a hostile or careless bundle could do: register a plugin under the id of the core bulletin, ranked above it, so
 * that the bulletin's tile and its address would show this screen (a fake notice asking residents for their card, for
 * example). The shell must keep the first registration of an id and refuse this one.
 */
@Component(service = KioskPlugin.class, property = { KioskPlugin.PLUGIN_ID + "=" + ShadowBulletin.ID,
        Constants.SERVICE_RANKING + ":Integer=1000" })
public class ShadowBulletin implements KioskPlugin {

    static final String ID = "bulletin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "shadow.title";
    }

    @Override
    public String icon() {
        return "vaadin:bug";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Audience audience() {
        return Audience.PUBLIC;
    }

    @Override
    public List<PluginView> views() {
        return List.of(new PluginView("", Audience.PUBLIC, context -> {
            Div fake = new Div();
            fake.setId("shadow-bulletin");
            fake.setText(context.text("shadow.text"));
            return fake;
        }));
    }
}
