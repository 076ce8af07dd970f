package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.ImportReport;
import org.communitykiosk.api.resident.ImportReport.RowProblem;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.internal.MessageKeys;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CsvImportTest {

    static final Actor STAFF = Actor.staff("wang");
    static final String HEADER = "name,card,phone,building,unit,household,birth_date,pin\n";

    private final TestDatabase db = new TestDatabase();
    private final ResidentDirectory residents = db.residents();

    @AfterEach
    void close() {
        db.close();
    }

    private ImportReport importCsv(String text) {
        return residents.importCsv(new StringReader(text), STAFF);
    }

    @Test
    void goodFileImportsEveryRowInOneGo() {
        ImportReport report = importCsv("\uFEFF" + HEADER
                + "张桂兰,10000001,13800000001,1,1-101,1-1-101,1946-03-12,3947\r\n"
                + "李建国,10000002,13800000002,2,2-302,2-2-302,1951-07-08,\r\n"
                + "\r\n"
                + "王志强,10000004,,3,1-501,3-1-501,,\r\n");

        assertTrue(report.succeeded(), report.rejected().toString());
        assertEquals(3, report.imported());
        assertEquals(3, residents.count());
        Resident zhang = residents.byCard("10000001").orElseThrow();
        assertEquals("张桂兰", zhang.name());
        assertEquals(LocalDate.of(1946, 3, 12), zhang.birthDate());
        assertTrue(zhang.pinSet());
        assertFalse(residents.byCard("10000004").orElseThrow().pinSet());
        assertEquals(3, db.auditLog().find(new AuditQuery(null, null, null, "resident.import", 0, 10)).size());
    }

    @Test
    void oneBadRowAmongGoodOnesWritesNothingAndNamesLineAndReason() {
        ImportReport report = importCsv(HEADER
                + "张桂兰,10000001,13800000001,1,1-101,1-1-101,1946-03-12,3947\n"
                + "李建国,1234,13800000002,2,2-302,2-2-302,1951-07-08,\n"
                + "王志强,10000004,,3,1-501,3-1-501,1951-02-30,\n"
                + "陈美华,10000005,,5,3-201,5-3-201,,\n");

        assertFalse(report.succeeded());
        assertEquals(0, report.imported());
        assertEquals(List.of(new RowProblem(3, problem("cardNumber", MessageKeys.CARD_INVALID)),
                new RowProblem(4, problem("birthDate", MessageKeys.BIRTH_DATE_INVALID))), report.rejected());
        assertEquals(0, residents.count());
        assertTrue(db.auditLog().find(AuditQuery.latest(10)).isEmpty());
    }

    @Test
    void aPinAnyoneWouldGuessRefusesTheFile() {
        ImportReport report = importCsv(HEADER
                + "张桂兰,10000001,13800000001,1,1-101,1-1-101,1946-03-12,3947\n"
                + "李建国,10000002,13800000002,2,2-302,2-2-302,1951-07-08,1234\n"
                + "王志强,10000004,,3,1-501,3-1-501,1979-05-30,0530\n");
        assertEquals(List.of(new RowProblem(3, problem("pin", MessageKeys.PIN_TRIVIAL)),
                new RowProblem(4, problem("pin", MessageKeys.PIN_TRIVIAL))), report.rejected());
        assertEquals(0, residents.count());
    }

    @Test
    void duplicatesWithinTheFileAndAgainstTheRegister() {
        residents.create(new ResidentDraft("已登记", "10000009", "13800000009", null, null, null, null, null), STAFF);
        ImportReport report = importCsv(HEADER
                + "甲,10000001,13800000001,,,,,\n"
                + "乙,10000001,13800000002,,,,,\n"
                + "丙,10000003,13800000001,,,,,\n"
                + "丁,10000009,13800000009,,,,,\n");

        assertEquals(List.of(
                new RowProblem(3, problem("cardNumber", MessageKeys.IMPORT_CARD_DUPLICATE, 2)),
                new RowProblem(4, problem("phone", MessageKeys.IMPORT_PHONE_DUPLICATE, 2)),
                new RowProblem(5, problem("cardNumber", MessageKeys.CARD_TAKEN)),
                new RowProblem(5, problem("phone", MessageKeys.PHONE_TAKEN))), report.rejected());
        assertEquals(1, residents.count());
    }

    @Test
    void wrongOrMissingHeader() {
        assertEquals(List.of(new RowProblem(1, problem(null, MessageKeys.IMPORT_HEADER,
                "name,card,phone,building,unit,household,birth_date,pin"))),
                importCsv("姓名,卡号\n张三,10000001\n").rejected());
        assertEquals(MessageKeys.IMPORT_HEADER,
                importCsv("张桂兰,10000001,13800000001,1,1-101,1-1-101,1946-03-12,1234\n").rejected().get(0)
                        .problem().key());
        // header names are matched without regard to case or spaces
        assertTrue(importCsv("Name, Card ,phone,building,unit,household,birth_date,PIN\n甲,10000001,,,,,,\n")
                .succeeded());
    }

    @Test
    void emptyFileAndHeaderOnly() {
        assertEquals(List.of(new RowProblem(1, problem(null, MessageKeys.IMPORT_EMPTY))), importCsv("").rejected());
        assertEquals(List.of(new RowProblem(1, problem(null, MessageKeys.IMPORT_EMPTY))),
                importCsv("\uFEFF").rejected());
        assertEquals(List.of(new RowProblem(1, problem(null, MessageKeys.IMPORT_EMPTY))),
                importCsv(HEADER + "\n\n").rejected());
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() {
        ImportReport report = importCsv(HEADER
                + "\"Smith, John \"\"Jack\"\"\",10000001,,\"3\",\"2-301\",,,\n"
                + "\"<b>王\n志强</b>\",10000002,,,,,,\n"
                + "陈美华,10000003,,,,,,\n"
                + "李,1,,,,,,\n");
        // the quoted line break makes the record span lines 3 and 4: the next record starts on line 5
        assertEquals(List.of(new RowProblem(6, problem("cardNumber", MessageKeys.CARD_INVALID))), report.rejected());

        report = importCsv(HEADER
                + "\"Smith, John \"\"Jack\"\"\",10000001,,\"3\",\"2-301\",,,\n"
                + "\"<b>王志强</b>\",10000002,,,,,,\n");
        assertTrue(report.succeeded(), report.rejected().toString());
        assertEquals("Smith, John \"Jack\"", residents.byCard("10000001").orElseThrow().name());
        assertEquals("<b>王志强</b>", residents.byCard("10000002").orElseThrow().name());
        assertEquals("2-301", residents.byCard("10000001").orElseThrow().unit());
    }

    @Test
    void malformedCsv() {
        assertEquals(List.of(new RowProblem(2, problem(null, MessageKeys.IMPORT_QUOTE))),
                importCsv(HEADER + "\"张三,10000001,,,,,,\n李四,10000002,,,,,,\n").rejected());
        assertEquals(List.of(new RowProblem(2, problem(null, MessageKeys.IMPORT_QUOTE))),
                importCsv(HEADER + "\"张\"三,10000001,,,,,,\n").rejected());
        assertEquals(List.of(new RowProblem(2, problem(null, MessageKeys.IMPORT_COLUMNS, 8, 3))),
                importCsv(HEADER + "张三,10000001,13800000001\n").rejected());
        assertEquals(List.of(new RowProblem(2, problem(null, MessageKeys.IMPORT_ENCODING))),
                importCsv(HEADER + "\uFFFD\uFFFD,10000001,,,,,,\n").rejected());
        assertEquals(MessageKeys.IMPORT_FIELD_TOO_LONG,
                importCsv(HEADER + "x".repeat(2000) + ",10000001,,,,,,\n").rejected().get(0).problem().key());
    }

    @Test
    void atMostTenThousandRows() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i <= ResidentDirectory.IMPORT_MAX_ROWS; i++) {
            file.append("居民,").append(20_000_000 + i).append(",,,,,,\n");
        }
        assertEquals(List.of(new RowProblem(1, problem(null, MessageKeys.IMPORT_TOO_MANY_ROWS, 10_000))),
                importCsv(file.toString()).rejected());
        assertEquals(0, residents.count());
    }

    /**
     * An attacker's file is read only as far as the limits allow: a line of endless fields, or lines each within the
     * limits that together go on and on, are refused where a limit is reached, not read to their end (the reader here
     * fails the test when read past 3 MB: a 2 MB file is the most the import takes).
     */
    @Test
    void parsingStopsAtTheLimitsInsteadOfReadingWhatComes() {
        assertEquals(List.of(new RowProblem(2, problem(null, MessageKeys.IMPORT_TOO_MANY_FIELDS,
                ResidentDirectory.IMPORT_MAX_FIELDS))),
                residents.importCsv(endless(HEADER + "张三", ",x"), STAFF).rejected());
        String longRow = "居民,20000001,,1," + "x".repeat(900) + "," + "y".repeat(900) + ",,\n";
        assertEquals(List.of(new RowProblem(1, problem(null, MessageKeys.IMPORT_TOO_BIG, 2))),
                residents.importCsv(endless(HEADER, longRow), STAFF).rejected());
        assertEquals(0, residents.count());
    }

    @Test
    void theProgressOfHashingThePinsIsToldInOrder() {
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        ImportReport report = residents.importCsv(new StringReader(HEADER + "甲,10000001,,,,,,3947\n"
                + "乙,10000002,,,,,,\n" + "丙,10000003,,,,,,5830\n"), STAFF,
                (hashed, total) -> told.add(hashed + "/" + total));
        assertTrue(report.succeeded(), report.rejected().toString());
        assertEquals(List.of("0/2", "1/2", "2/2"), told);
    }

    /** {@code head}, then {@code tail} over and over; reading past 3 MB fails the test. */
    private static java.io.Reader endless(String head, String tail) {
        return new java.io.Reader() {
            private long read;

            @Override
            public int read(char[] buffer, int offset, int length) {
                for (int i = 0; i < length; i++, read++) {
                    if (read > 3 * 1024 * 1024) {
                        throw new AssertionError("the import read past 3 MB of an endless file");
                    }
                    buffer[offset + i] = read < head.length() ? head.charAt((int) read)
                            : tail.charAt((int) ((read - head.length()) % tail.length()));
                }
                return length;
            }

            @Override
            public void close() {
            }
        };
    }

    static final String TOKEN_HEADER = "name,card,phone,building,unit,household,birth_date,pin,card_token\n";

    @Test
    void cardsWrittenElsewhereComeWithTheirTokens() {
        String first = token("1111222233334444555");
        String second = token("9999888877776666555");
        ImportReport report = importCsv(TOKEN_HEADER
                + "张桂兰,10000001,,1,1-101,1-1-101,,," + first + "\n"
                + "李建国,10000002,,2,2-302,2-2-302,,,\n"
                // as a card printer's file may group the digits, or carry the QR payload
                + "李秀英,10000003,,2,2-302,2-2-302,,,KIOSK-CARD:" + grouped(second) + "\n");

        assertTrue(report.succeeded(), report.rejected().toString());
        assertEquals(3, report.imported());
        assertEquals("张桂兰", db.identification().byToken(first).orElseThrow().name());
        assertEquals("李秀英", db.identification().byToken(second).orElseThrow().name());
        long li = residents.byCard("10000002").orElseThrow().id();
        assertTrue(db.cards().current(li).isEmpty(), "an empty token: no card yet");
        assertEquals(STAFF, db.cards().current(residents.byCard("10000001").orElseThrow().id()).orElseThrow()
                .issuedBy());
        var issued = db.auditLog().find(new AuditQuery(null, null, null, "resident.card.issue", 0, 10));
        assertEquals(2, issued.size());
        issued.forEach(entry -> assertFalse(entry.detail().contains(first) || entry.detail().contains(second)));
    }

    @Test
    void theFileWithoutTheTokenColumnStillImports() {
        assertTrue(importCsv(HEADER + "张桂兰,10000001,,,,,,\n").succeeded());
        assertEquals(1, residents.count());
    }

    @Test
    void badDuplicateAndUsedTokensRefuseTheWholeFileWithoutShowingThem() {
        String used = token("1234123412341234123");
        residents.create(new ResidentDraft("已登记", "10000009", null, null, null, null, null, null), STAFF);
        long registered = residents.byCard("10000009").orElseThrow().id();
        db.cards().issue(registered, STAFF); // a valid card: its token is unknown here, the test only needs another
        ((JdbcResidentCards) db.cards()).issue(registered, org.communitykiosk.api.resident.CardToken.parse(used)
                .orElseThrow(), STAFF, "resident.card.issue");
        db.cards().issue(registered, STAFF); // the used token is now a revoked card's
        String good = token("5555666677778888999");
        String mistyped = good.substring(0, 20) + (char) ('0' + (good.charAt(20) - '0' + 1) % 10);

        ImportReport report = importCsv(TOKEN_HEADER
                + "甲,10000001,,,,,,," + good + "\n"
                + "乙,10000002,,,,,,," + good + "\n"
                + "丙,10000003,,,,,,," + mistyped + "\n"
                + "丁,10000004,,,,,,,10000004\n"
                + "戊,10000005,,,,,,," + used + "\n");

        assertEquals(List.of(new RowProblem(3, problem("card_token", MessageKeys.IMPORT_TOKEN_DUPLICATE, 2)),
                new RowProblem(4, problem("card_token", MessageKeys.IMPORT_TOKEN_INVALID)),
                new RowProblem(5, problem("card_token", MessageKeys.IMPORT_TOKEN_INVALID)),
                new RowProblem(6, problem("card_token", MessageKeys.IMPORT_TOKEN_USED))), report.rejected());
        assertEquals(1, residents.count(), "nothing imported");
        assertTrue(db.identification().byToken(good).isEmpty());
        assertFalse(report.rejected().toString().contains(good), "a problem never repeats a token");
    }

    @Test
    void aHeaderWithAnUnknownLastColumnIsRefused() {
        assertEquals(MessageKeys.IMPORT_HEADER,
                importCsv(HEADER.strip() + ",token\n张桂兰,10000001,,,,,,,\n").rejected().get(0).problem().key());
        assertEquals(List.of(new RowProblem(2, problem(null, MessageKeys.IMPORT_COLUMNS, 9, 8))),
                importCsv(TOKEN_HEADER + "张桂兰,10000001,,,,,,\n").rejected());
    }

    private static String token(String nineteen) {
        String body = nineteen + "0";
        return body + org.communitykiosk.api.resident.CardToken.checkDigit(body);
    }

    private static String grouped(String token) {
        return org.communitykiosk.api.resident.CardToken.parse(token).orElseThrow().grouped();
    }

    private static org.communitykiosk.api.Problem problem(String field, String key, Object... args) {
        return org.communitykiosk.api.Problem.of(field, key, args);
    }
}
