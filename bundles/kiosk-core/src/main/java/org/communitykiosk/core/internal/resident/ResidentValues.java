package org.communitykiosk.core.internal.resident;

import java.time.LocalDate;

/**
 * A resident draft after trimming: empty optional text is {@code null}, so the database holds NULL (several residents
 * without a phone do not collide on the unique phone constraint).
 */
record ResidentValues(String name, String cardNumber, String phone, String building, String unit, String household,
        LocalDate birthDate, String pin) {

    @Override
    public String toString() {
        return "ResidentValues[card=" + cardNumber + "]";
    }
}
