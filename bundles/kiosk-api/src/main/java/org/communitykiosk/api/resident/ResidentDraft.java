package org.communitykiosk.api.resident;

import java.time.LocalDate;

/**
 * Input for creating or editing a resident, validated by {@link ResidentDirectory}. Text is taken as typed (trimmed);
 * HTML is stored as text.
 *
 * @param pin new PIN (4 to 6 digits), {@code null} or empty to leave the PIN as it is
 */
public record ResidentDraft(String name, String cardNumber, String phone, String building, String unit,
        String household, LocalDate birthDate, String pin) {

    @Override
    public String toString() {
        return "ResidentDraft[card=" + cardNumber + "]";
    }
}
