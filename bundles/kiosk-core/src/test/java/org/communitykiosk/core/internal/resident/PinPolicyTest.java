package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PinPolicyTest {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static IdentificationConfig config(int perLock, String lockouts, int budget, int pause) {
        return new IdentificationConfig() {
            @Override public Class<? extends Annotation> annotationType() { return IdentificationConfig.class; }
            @Override public int pinFailuresPerLock() { return perLock; }
            @Override public String pinLockoutMinutes() { return lockouts; }
            @Override public int pinPlaceBudget() { return budget; }
            @Override public int pinPlacePauseSeconds() { return pause; }
        };
    }

    @Test
    void theConfigurationDefaultsAreThePolicyDefaults() {
        assertEquals(PinPolicy.defaults(), PinPolicy.from(config(5, "15,60,240", 10, 900)));
    }

    @Test
    void everyFifthFailureLocksLongerAndTheLastUntilStaffUnlock() {
        PinPolicy policy = PinPolicy.defaults();
        assertTrue(policy.lockAfter(4, NOW).isEmpty());
        assertEquals(NOW.plus(Duration.ofMinutes(15)), policy.lockAfter(5, NOW).orElseThrow().until());
        assertTrue(policy.lockAfter(6, NOW).isEmpty());
        assertEquals(NOW.plus(Duration.ofHours(1)), policy.lockAfter(10, NOW).orElseThrow().until());
        assertEquals(NOW.plus(Duration.ofHours(4)), policy.lockAfter(15, NOW).orElseThrow().until());
        assertNull(policy.lockAfter(20, NOW).orElseThrow().until());
        assertTrue(policy.lockedForGood(20));
        assertEquals(4, policy.leftBeforeLock(6));
    }

    @Test
    void badValuesFallBackToTheDefaults() {
        PinPolicy policy = PinPolicy.from(config(1, "15,abc", 0, 5));
        assertEquals(PinPolicy.defaults(), policy);
        assertEquals(List.of(Duration.ofMinutes(1)), PinPolicy.from(config(5, " 1 ", 10, 900)).lockouts());
        assertEquals(PinPolicy.defaults().lockouts(), PinPolicy.from(config(5, "0,60", 10, 900)).lockouts());
        assertEquals(Duration.ofSeconds(20), PinPolicy.from(config(5, "15", 20, 20)).placeBudget().pause());
    }
}
