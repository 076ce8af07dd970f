package org.communitykiosk.core.internal.staff;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kiosk staff sign-in",
        description = "JAAS realm staff sign in against")
public @interface StaffSignInConfig {

    @AttributeDefinition(name = "JAAS realm", description = "Karaf JAAS realm holding the staff accounts")
    String realm() default "karaf";
}
