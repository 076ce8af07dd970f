package org.communitykiosk.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** {@code etc/org.communitykiosk.kiosk.cfg}: what makes this kiosk this kiosk. */
@ObjectClassDefinition(name = "Kiosk settings",
        description = "Identity, language, time zone, idle timeouts and tiles of this kiosk")
public @interface KioskSettingsConfig {

    @AttributeDefinition(name = "Kiosk id", description = "Stable id of this kiosk, recorded in the audit log")
    String kioskId() default "kiosk-1";

    @AttributeDefinition(name = "Kiosk name", description = "Shown in the top bar")
    String kioskName() default "社区服务站";

    @AttributeDefinition(name = "Community name")
    String communityName() default "示范社区（演示）";

    @AttributeDefinition(name = "Default language", options = {
            @Option(value = "zh-CN", label = "中文"), @Option(value = "en", label = "English") })
    String defaultLanguage() default "zh-CN";

    @AttributeDefinition(name = "Time zone", description = "IANA zone id, for example Asia/Shanghai")
    String timezone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Resident idle timeout (s)", min = "15", max = "3600")
    int residentIdleTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Staff idle timeout (s)", min = "15", max = "3600")
    int staffIdleTimeoutSeconds() default 300;

    @AttributeDefinition(name = "Demo data", description = "Fill an empty database with a marked demo community")
    boolean demoData() default true;

    @AttributeDefinition(name = "Tile order", description = "Plugin ids, first shown first", required = false)
    String[] tileOrder() default {};

    @AttributeDefinition(name = "Hidden plugins", description = "Plugin ids installed but not shown", required = false)
    String[] hiddenPlugins() default {};

    @AttributeDefinition(name = "Keep-awake maximum (min)", min = "1", max = "60",
            description = "The longest a screen may keep a session from ending for being idle")
    int keepAwakeMaxMinutes() default 10;

    @AttributeDefinition(name = "Export media roots", required = false,
            description = "Folders under which a mounted removable medium may receive staff exports")
    String[] exportRoots() default { "/media", "/run/media", "/mnt" };

    // the values of org.communitykiosk.api.plugin.PinAction.ALL (an annotation default must be a constant)
    @AttributeDefinition(name = "PIN required for", description = "Actions that ask a resident who has a PIN to enter"
            + " it: points.spend, points.transfer, points.confirmServed, bloodpressure.history", required = false)
    String[] pinRequiredFor() default { "points.spend", "points.transfer", "points.confirmServed",
            "bloodpressure.history" };
}
