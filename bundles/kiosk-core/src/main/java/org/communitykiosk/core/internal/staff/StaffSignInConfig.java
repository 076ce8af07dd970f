package org.communitykiosk.core.internal.staff;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.communitykiosk.staff.cfg}: the realm staff sign in against, its throttling, re-authentication. */
@ObjectClassDefinition(name = "Kiosk staff sign-in",
        description = "JAAS realm staff sign in against, back-off after failed sign-ins, re-authentication")
public @interface StaffSignInConfig {

    @AttributeDefinition(name = "JAAS realm", description = "Karaf JAAS realm holding the staff accounts")
    String realm() default "karaf";

    @AttributeDefinition(name = "Password age for admin screens (s)", min = "10", max = "3600",
            description = "An admin screen asks for the password again when it was last entered longer ago")
    int passwordMaxAgeSeconds() default 120;

    @AttributeDefinition(name = "Free failures per user name", min = "1", max = "20",
            description = "Failed sign-ins of one user name before the back-off starts")
    int nameFreeFailures() default 3;

    @AttributeDefinition(name = "Free failures per place", min = "1", max = "100",
            description = "Failed sign-ins at one place (the kiosk's screen, a device) before the back-off starts")
    int placeFreeFailures() default 10;

    @AttributeDefinition(name = "First wait (s)", min = "1", max = "300",
            description = "The wait after the first failure beyond the free ones; each further failure doubles it")
    int backoffBaseSeconds() default 5;

    @AttributeDefinition(name = "Longest wait (s)", min = "1", max = "86400")
    int backoffMaxSeconds() default 900;

    @AttributeDefinition(name = "Failures forgotten after (h)", min = "1", max = "720",
            description = "A run of failures is forgotten when the last one is this old")
    int failuresForgottenAfterHours() default 24;

    @AttributeDefinition(name = "User name key file", required = false,
            description = "Key of the hashes failed user names are counted under; empty: etc/keys/staff-names.key")
    String nameKeyFile() default "";
}
