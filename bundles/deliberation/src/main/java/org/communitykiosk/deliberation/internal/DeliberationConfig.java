package org.communitykiosk.deliberation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the residents' council, PID {@value #PID} ({@code etc/org.communitykiosk.deliberation.cfg}). */
@ObjectClassDefinition(name = "Resident deliberation", description = "Residents' council (百姓议事会) settings")
public @interface DeliberationConfig {

    String PID = "org.communitykiosk.deliberation";

    @AttributeDefinition(name = "Support threshold",
            description = "Residents' supports that put a small matter on the next council agenda")
    int supportThreshold() default 10;

    @AttributeDefinition(name = "Default quorum",
            description = "Voters (or households) who must be present, proposed for a new meeting")
    int defaultQuorum() default 10;

    @AttributeDefinition(name = "Grids",
            description = "Grids (网格) a meeting may be called for, each a name and its buildings as on the"
                    + " residents' records: 一网格=1,2,3;二网格=4,5 (empty: no grid meetings)")
    String grids() default "";
}
