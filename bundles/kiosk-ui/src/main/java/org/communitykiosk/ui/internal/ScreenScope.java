package org.communitykiosk.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.communitykiosk.api.plugin.AwakeLease;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;

/**
 * Per browser window: what the screen on show holds that must not outlive it: its keep-awake leases and its printout
 * and export dialogs. Ended on every navigation, when a screen is drawn anew, and at sign-out.
 */
final class ScreenScope {

    private final List<AwakeLease> leases = new ArrayList<>();
    private final List<Dialog> dialogs = new ArrayList<>();

    static ScreenScope of(UI ui) {
        ScreenScope scope = ComponentUtil.getData(ui, ScreenScope.class);
        if (scope == null) {
            scope = new ScreenScope();
            ComponentUtil.setData(ui, ScreenScope.class, scope);
        }
        return scope;
    }

    AwakeLease hold(AwakeLease lease) {
        leases.removeIf(held -> !held.active());
        leases.add(lease);
        return lease;
    }

    Dialog hold(Dialog dialog) {
        dialogs.add(dialog);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                dialogs.remove(dialog);
            }
        });
        return dialog;
    }

    /** Ends the screen's leases and closes its dialogs (a closed dialog leaves the page, and its files' addresses). */
    void end() {
        leases.forEach(AwakeLease::close);
        leases.clear();
        List<Dialog> open = List.copyOf(dialogs);
        dialogs.clear();
        for (Dialog dialog : open) {
            dialog.close();
            dialog.getElement().removeFromParent();
        }
    }
}
