package org.communitykiosk.ui.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The kiosk's own servlet context, so that Vaadin's context attributes (lookup, route registry) live and die with
 * this bundle instead of leaking into the shared default context.
 */
@Component(service = ServletContextHelper.class)
@HttpWhiteboardContext(name = KioskContext.NAME, path = KioskContext.PATH)
public class KioskContext extends ServletContextHelper {

    static final String NAME = "kiosk";
    static final String PATH = "/kiosk";
    static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    @Activate
    public KioskContext(BundleContext context) {
        super(context.getBundle());
    }
}
