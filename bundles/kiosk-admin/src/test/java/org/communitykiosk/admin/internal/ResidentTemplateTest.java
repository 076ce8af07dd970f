package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ResidentTemplateTest {

    @Test
    void theHeaderIsTheOneTheDirectoryDocuments() {
        // ResidentDirectory#importCsv: "header line name,card,phone,building,unit,household,birth_date,pin"
        assertEquals("name,card,phone,building,unit,household,birth_date,pin,card_token",
                ResidentTemplate.headerLine());
    }

    @Test
    void theTemplateHasTheHeaderAndOneExampleInUtf8WithAByteOrderMark() {
        String text = new String(ResidentTemplate.file("张三（示例）"), StandardCharsets.UTF_8);
        assertTrue(text.startsWith(Csv.BOM));
        String[] lines = text.substring(1).split("\r\n");
        assertEquals(2, lines.length);
        assertEquals(ResidentTemplate.headerLine(), lines[0]);
        assertEquals("张三（示例）,12345678,13800138000,3,2-301,3-2-301,1950-03-08,,", lines[1]);
        assertEquals(ResidentTemplate.HEADER.size(), lines[1].split(",", -1).length);
    }

    @Test
    void problemFieldsAreNamedByTheirCsvColumn() {
        assertEquals("card", ResidentTemplate.column(ResidentForm.CARD));
        assertEquals("birth_date", ResidentTemplate.column(ResidentForm.BIRTH_DATE));
        assertEquals("name", ResidentTemplate.column(ResidentForm.NAME));
        assertEquals("phone", ResidentTemplate.column(ResidentForm.PHONE));
    }
}
