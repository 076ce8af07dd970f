package org.communitykiosk.admin.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV layout the resident directory imports ({@code ResidentDirectory#importCsv}), and a template file with the
 * header and one example row for staff to fill in.
 */
final class ResidentTemplate {

    /**
     * The header line the directory takes, in this order; the last column, {@code card_token}, may be left out (a
     * card written elsewhere: its token; empty: staff issue the card later).
     */
    static final List<String> HEADER =
            List.of("name", "card", "phone", "building", "unit", "household", "birth_date", "pin", "card_token");

    static final String FILE_NAME = "residents-template.csv";

    private ResidentTemplate() {
    }

    /** The CSV column of a {@link org.communitykiosk.api.Problem#field()} name of the directory. */
    static String column(String field) {
        return switch (field) {
            case ResidentForm.CARD -> "card";
            case ResidentForm.BIRTH_DATE -> "birth_date";
            default -> field;
        };
    }

    /** The header as staff must write it. */
    static String headerLine() {
        return String.join(",", HEADER);
    }

    /**
     * The template: byte order mark (Excel then shows the Chinese example correctly and saves UTF-8 again), header,
     * one example row with a clearly made-up resident.
     *
     * @param exampleName the example's name in the staff member's language
     */
    static byte[] file(String exampleName) {
        String text = Csv.BOM + Csv.line(HEADER)
                + Csv.line(List.of(exampleName, "12345678", "13800138000", "3", "2-301", "3-2-301", "1950-03-08", "",
                        ""));
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
