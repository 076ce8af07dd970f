package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainValuesAreWrittenAsTheyAre() {
        assertEquals("resident.create", Csv.field("resident.create"));
        assertEquals("张三", Csv.field("张三"));
        assertEquals("", Csv.field(null));
        assertEquals("", Csv.field(""));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuotedPerRfc4180() {
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("\"two\r\nlines\"", Csv.field("two\r\nlines"));
        assertEquals("\"\"\"\"", Csv.field("\""));
    }

    @Test
    void aLineEndsWithCrLfAndKeepsEmptyFields() {
        assertEquals("a,,\"b,c\",\r\n", Csv.line(Arrays.asList("a", null, "b,c", "")));
        assertEquals("\r\n", Csv.line(List.of()));
    }

    @Test
    void formulasAreNeutralisedButNumbersAreNot() {
        assertEquals("'=HYPERLINK(\"\"x\"\")", Csv.neutralised("=HYPERLINK(\"\"x\"\")"));
        assertEquals("\"'=1+2,3\"", Csv.field("=1+2,3"));
        assertEquals("'+cmd", Csv.field("+cmd"));
        assertEquals("'-2+3", Csv.field("-2+3"));
        assertEquals("'@SUM(A1)", Csv.field("@SUM(A1)"));
        assertEquals("'\tx", Csv.field("\tx"));
        assertEquals("\"'\rx\"", Csv.field("\rx"));
        assertEquals("-5", Csv.field("-5"));
        assertEquals("+12.5", Csv.field("+12.5"));
        assertEquals("2-301", Csv.field("2-301"));
    }
}
