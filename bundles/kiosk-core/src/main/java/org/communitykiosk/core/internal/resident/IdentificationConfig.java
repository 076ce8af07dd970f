package org.communitykiosk.core.internal.resident;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.communitykiosk.identification.cfg}: PIN lockouts and each place's budget of PIN failures. */
@ObjectClassDefinition(name = "Kiosk identification",
        description = "How wrong PINs lock a resident's PIN, and how many PIN failures a place may have")
public @interface IdentificationConfig {

    @AttributeDefinition(name = "Wrong PINs per lock", min = "3", max = "10",
            description = "Wrong PINs in a row that lock a resident's PIN")
    int pinFailuresPerLock() default 5;

    @AttributeDefinition(name = "Lockouts (min)", description = "How long each lock in a row lasts, comma separated;"
            + " the lock after the last one lasts until staff unlock the PIN")
    String pinLockoutMinutes() default "15,60,240";

    @AttributeDefinition(name = "PIN failures per place", min = "3", max = "1000",
            description = "Failed PIN sign-ins at one place (the kiosk's screen, a device) before PIN sign-in pauses"
                    + " there")
    int pinPlaceBudget() default 10;

    @AttributeDefinition(name = "Pause (s)", min = "10", max = "86400",
            description = "How long PIN sign-in pauses at a place that spent its budget")
    int pinPlacePauseSeconds() default 900;
}
