package org.communitykiosk.core.internal.resident;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kiosk card reads",
        description = "How many unknown cards a place (the kiosk's screen, an enrolled device) may read before card "
                + "reading there pauses, and for how long")
public @interface CardReadsConfig {

    @AttributeDefinition(name = "Unknown cards a minute",
            description = "Unknown cards a place may read within a minute; the next one pauses card reading there")
    int unknownCardsPerMinute() default 5;

    @AttributeDefinition(name = "First pause (seconds)",
            description = "The first pause; each further one is twice as long as the one before")
    int firstPauseSeconds() default 30;

    @AttributeDefinition(name = "Longest pause (minutes)")
    int longestPauseMinutes() default 15;

    @AttributeDefinition(name = "Forgiven after (minutes)",
            description = "After this long without an unknown card, the next pause is the first one again")
    int forgiveAfterMinutes() default 15;
}
