package org.communitykiosk.points.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Staff settings of the points plugin, PID {@value #PID} ({@code etc/org.communitykiosk.points.cfg}).
 */
@ObjectClassDefinition(name = "Community kiosk: points for services",
        description = "Categories of volunteer service and how hours become points")
public @interface PointsConfig {

    String PID = "org.communitykiosk.points";

    @AttributeDefinition(description = "Categories as id:pointsPerHour; the id names the translation"
            + " points.category.<id> (an id without translation is shown as it is)")
    String[] categories() default { "elderly-care:10", "escort:10", "cleaning:8", "teaching:12", "haircut:10",
            "other:8" };

    @AttributeDefinition(description = "Resident organisations that run volunteer service, by id; the translation"
            + " points.organisation.<id> names them (an id without translation is shown as it is)")
    String[] organisations() default { "volunteer-team", "elderly-association", "women-federation",
            "youth-volunteers" };

    @AttributeDefinition(description = "How a fraction of a point is rounded: DOWN, HALF_UP or UP")
    String rounding() default "DOWN";

    @AttributeDefinition(description = "Most points one volunteer earns for one day of service (0 = no cap)")
    long dailyCapPoints() default 80;

    @AttributeDefinition(description = "Points a volunteer earns per calendar year; beyond it points go to the"
            + " community pool (0 = no cap)")
    long yearlyCapPoints() default 0;

    @AttributeDefinition(description = "Unused points expire after this many months (0 = never): checked daily,"
            + " points beyond what the resident received in the last N months go to the expiry account")
    int expiryMonths() default 0;
}
