package org.communitykiosk.api.resident;

import java.time.LocalDate;

/**
 * A resident of the community as the kiosk knows them. Personal data: show only to the resident signed in and to
 * staff, never write it to logs ({@link #toString()} shows the id only).
 *
 * @param id database id
 * @param name full name
 * @param cardNumber register number (digits, unique), printed on the resident card; it identifies the resident to
 *        staff but is no secret and signs nobody in (the card's {@link CardToken} does)
 * @param phone mobile phone number (unique when present)
 * @param building building (楼栋), for example "3"
 * @param unit unit and flat, for example "2-301"
 * @param household household code shared by the members of one household
 * @param birthDate date of birth, may be {@code null}
 * @param pinSet whether the resident has a PIN for phone sign-in
 */
public record Resident(long id, String name, String cardNumber, String phone, String building, String unit,
        String household, LocalDate birthDate, boolean pinSet) {

    @Override
    public String toString() {
        return "Resident#" + id;
    }
}
