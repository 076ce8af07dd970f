package org.communitykiosk.ui.internal;

import org.communitykiosk.api.plugin.CardHandler;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/**
 * Per browser window: which screen, if any, has asked for card taps. Reset on every navigation, so a screen that is
 * left never receives a card meant for sign-in.
 */
final class CardRouting {

    private CardHandler handler;

    static CardRouting of(UI ui) {
        CardRouting routing = ComponentUtil.getData(ui, CardRouting.class);
        if (routing == null) {
            routing = new CardRouting();
            ComponentUtil.setData(ui, CardRouting.class, routing);
        }
        return routing;
    }

    void direct(CardHandler handler) {
        this.handler = handler;
    }

    void reset() {
        handler = null;
    }

    /** The screen's handler, or null when a card tap means "sign in". */
    CardHandler handler() {
        return handler;
    }
}
