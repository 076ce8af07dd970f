package org.communitykiosk.print.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the printer, PID {@value #PID} ({@code etc/org.communitykiosk.print.cfg}, optional). */
@ObjectClassDefinition(name = "Community kiosk: printouts", description = "How printouts (PDF) are rendered")
public @interface PrintConfig {

    String PID = "org.communitykiosk.print";

    @AttributeDefinition(description = "TrueType font files (.ttf, or .ttc collections) with Chinese characters,"
            + " tried in order; the first that exists and has TrueType outlines is embedded (subset). OpenType fonts"
            + " with CFF outlines (most .otf, Noto CJK) cannot be embedded and are skipped")
    String[] fontFiles() default { "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf" };
}
