package org.communitykiosk.plugins.internal;

import java.util.List;

/**
 * The kiosk settings staff may edit in the console (the rest of {@code org.communitykiosk.kiosk}, such as the kiosk
 * id and time zone, stays as the technician set it).
 *
 * @param kioskName shown in the top bar
 * @param communityName the community this kiosk serves
 * @param defaultLanguage {@code zh-CN} or {@code en}
 * @param residentIdleSeconds resident session idle timeout, 15..3600
 * @param staffIdleSeconds staff session idle timeout, 15..3600
 * @param tileOrder plugin ids, first shown first
 * @param hiddenPlugins plugin ids installed but not shown
 * @param demoData fill an empty database with a marked demo community
 * @param pinRequiredFor the actions ({@link org.communitykiosk.api.plugin.PinAction} ids, and any other id the file
 *        names) that ask a resident who has a PIN to enter it first; empty: a card alone does everything
 */
record KioskSettingsDraft(String kioskName, String communityName, String defaultLanguage, Integer residentIdleSeconds,
        Integer staffIdleSeconds, List<String> tileOrder, List<String> hiddenPlugins, boolean demoData,
        List<String> pinRequiredFor) {

    KioskSettingsDraft {
        tileOrder = List.copyOf(tileOrder);
        hiddenPlugins = List.copyOf(hiddenPlugins);
        pinRequiredFor = List.copyOf(pinRequiredFor);
    }
}
