package org.communitykiosk.lovemarket.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Staff settings of the swap board, PID {@value #PID} ({@code etc/org.communitykiosk.lovemarket.swap.cfg}). */
@ObjectClassDefinition(name = "Community kiosk: love market swap board")
public @interface SwapConfig {

    String PID = "org.communitykiosk.lovemarket.swap";

    @AttributeDefinition(description = "Days an entry stays on the board before it expires (the owner can repost it)")
    int entryDays() default 30;
}
