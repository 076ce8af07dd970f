package org.communitykiosk.ui.internal;

/**
 * A shell screen that redraws itself when who is at the kiosk, the language or the installed plugins change, without
 * a navigation.
 */
interface Refreshable {

    void refresh();
}
