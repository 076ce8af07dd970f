package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Threat: <b>an upload that takes the kiosk down or stores what it should not</b>. A staff account (or whoever has
 * one's session) sends files the kiosk's pages would never send: a file far over the page's size limit (the limit in
 * the page is the page's own, changed here in the browser as anybody can with its developer tools), an image whose
 * few kilobytes announce a huge picture (a decompression bomb), a real 24-megapixel photo, a truncated image, and
 * resident CSV files with too many rows, a line with too many fields and a 1 MB field. Each must be refused with a
 * clear message, or decoded within a fixed memory budget, nothing stored, and the kiosk must keep answering with its
 * heap as it was. The kiosk (200 MB heap, as shipped) is started for this class alone, so that what one attack
 * leaves does not fall on another test; its heap is read from outside through the JDK's attach mechanism
 * ({@link HeapWatch}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackUploadIT {

    static final KioskProcess.Ports PORTS = new KioskProcess.Ports(18381, 18301, 11399, 45445);
    /**
     * What one upload may hold in the old generation at once, in MB: the limits are 2 MB for photos and CSV files, and
     * a photo is decoded to at most 1200 px a side; a full 24-megapixel decode holds 72 MB, a 50 MB upload in memory
     * more.
     */
    static final long BUDGET_MB = 40;
    static final String HEADER = "name,card,phone,building,unit,household,birth_date,pin\n";
    private static final Duration ANSWER = Duration.ofSeconds(90);

    private static KioskProcess kiosk;
    private static HeapWatch heap;
    private static long restingMb;
    private static Path files;

    @BeforeAll
    static void startAKioskOfItsOwn() throws Exception {
        kiosk = KioskProcess.unpack(Paths.get(System.getProperty("kiosk.runDirectory", "target/kiosk-browser"))
                .resolveSibling("kiosk-attack-upload"), PORTS);
        Runtime.getRuntime().addShutdownHook(new Thread(kiosk::kill));
        kiosk.start();
        heap = HeapWatch.attach(kiosk.jvmPid());
        restingMb = heap.retainedMb();
        files = Files.createTempDirectory("attack-upload");
        System.out.printf("kiosk heap: %d MB at rest of %d MB%n", restingMb, heap.maxMb());
    }

    @AfterAll
    static void stop() throws IOException {
        if (heap != null) {
            heap.close();
        }
        if (kiosk != null) {
            kiosk.kill();
        }
        if (files != null) {
            try (Stream<Path> all = Files.walk(files)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void aFiftyMegabytePhotoPastThePagesLimitIsStoppedAtTheServersLimit() throws IOException {
        Path big = files.resolve("huge.png");
        sparseFile(big, 50L * 1024 * 1024, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        photoRefused(big, "2 MB", "50 MB photo");
    }

    @Test
    @Order(2)
    void aDecompressionBombPngIsRefusedBeforeItIsDecoded() throws IOException {
        // 6000 x 6000 pixels of 16-bit RGBA: 288 MB once decoded, from a file of a few hundred kB
        Path bomb = files.resolve("bomb.png");
        Files.write(bomb, bombPng(6000, 6000));
        assertTrue(Files.size(bomb) < 2 * 1024 * 1024, "the bomb fits the page's limit: " + Files.size(bomb));
        photoRefused(bomb, "像素", "decompression-bomb PNG");
    }

    @Test
    @Order(3)
    void aTwentyFourMegapixelPhotoIsDecodedWithinAFixedMemoryBudgetAndStoredSmaller() throws IOException {
        byte[] jpeg = photo(6000, 4000);
        Path file = files.resolve("camera.jpg");
        Files.write(file, jpeg);
        String item = "相机 " + System.nanoTime() % 10000;
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.signInStaff("staff", "staff2026");
            photographing(browser, item);
            heap.rest();
            browser.upload("#lm-photo-upload", file);
            try {
                browser.waitUntil(d -> browser.all("vaadin-notification-card").stream()
                        .anyMatch(card -> card.getText().contains(item + " 的照片已保存")), ANSWER);
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the 24-megapixel photo was not saved; error line: "
                        + browser.all("#lm-photo-error").stream().map(WebElement::getText).toList());
            }
            withinBudget("24-megapixel JPEG");
            int width = shownPhotoWidth(browser, item);
            assertTrue(width > 0 && width <= 1200, "stored at the size shown, not 6000 px wide: " + width);
        }
    }

    @Test
    @Order(4)
    void aTruncatedImageIsRefused() throws IOException {
        byte[] jpeg = photo(6000, 4000);
        Path truncated = files.resolve("truncated.jpg");
        Files.write(truncated, Arrays.copyOf(jpeg, jpeg.length / 2));
        photoRefused(truncated, "不是完整的照片", "truncated JPEG");
    }

    @Test
    @Order(5)
    void aFiftyMegabyteCsvPastThePagesLimitIsStoppedAtTheServersLimit() throws IOException {
        Path big = files.resolve("residents.csv");
        try (Writer out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            for (int i = 0; Files.size(big) < 50L * 1024 * 1024; i++) {
                for (int j = 0; j < 1000; j++) {
                    out.write("攻击者" + i + "," + (40_000_000 + i * 1000 + j) + ",,1,1-101,H1,1950-01-01,\n");
                }
                out.flush();
            }
        }
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.signInStaff("staff", "staff2026");
            refusedPastThePagesLimit(browser, "residents/import", "#import-upload", big, "#import-result", "2 MB");
            assertFalse(browser.present("#import-demo-confirm") && browser.find("#import-demo-confirm").isDisplayed(),
                    "a refused file asks nothing");
            assertNotImported(browser, "攻击者");
        }
    }

    @Test
    @Order(6)
    void csvFilesWithTooManyRowsTooManyFieldsOrAHugeFieldAreRefusedAndImportNothing() throws IOException {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 10_001; i++) {
            rows.append("行数").append(i).append(',').append(50_000_000 + i).append(",,1,1-101,H1,1950-01-01,\n");
        }
        Path manyRows = files.resolve("rows.csv");
        Files.writeString(manyRows, rows, StandardCharsets.UTF_8);
        Path manyFields = files.resolve("fields.csv");
        Files.writeString(manyFields, HEADER + "字段多,60000001,,1,1-101,H1,1950-01-01,"
                + ",x".repeat(100_000) + "\n", StandardCharsets.UTF_8);
        Path hugeField = files.resolve("field.csv");
        Files.writeString(hugeField, HEADER + "字段长" + "长".repeat(350_000)
                + ",60000002,,1,1-101,H1,1950-01-01,\n", StandardCharsets.UTF_8);
        assertTrue(Files.size(hugeField) > 1024 * 1024 && Files.size(hugeField) < 2 * 1024 * 1024);

        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.signInStaff("staff", "staff2026");
            // the limit each file breaks, as the message names it
            importRefused(browser, manyRows, "10000");
            importRefused(browser, manyFields, "超过20");
            importRefused(browser, hugeField, "1000");
            assertNotImported(browser, "行数");
            assertNotImported(browser, "字段");
            browser.open("").find("#home-greeting");
            assertTrue(browser.find("#demo-banner").isDisplayed(), "a refused file keeps the demo community");
        }
    }

    @Test
    @Order(7)
    void aPluginArchiveOverItsLimitIsStoppedAtTheServersLimitAndLeavesNoFile() throws IOException {
        Path big = files.resolve("huge.kar");
        sparseFile(big, 201L * 1024 * 1024, new byte[] { 'P', 'K', 3, 4 });
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.signInStaff("admin", "admin2026");
            refusedPastThePagesLimit(browser, "plugins/import", "#plugins-import-upload", big,
                    "#plugins-import-error", "200 MB");
        }
        try (Stream<Path> left = Files.walk(kiosk.home().resolve("data/tmp"))) {
            assertEquals(java.util.List.of(), left.filter(Files::isRegularFile)
                    .filter(p -> p.toFile().length() > 1024 * 1024).toList(), "the refused upload left no file");
        }
    }

    @Test
    @Order(8)
    void theKioskStillAnswersWithItsHeapIntact() throws IOException {
        WebClient.Response home = WebClient.screen(kiosk).get("/kiosk/");
        assertEquals(200, home.status(), home.toString());
        String log = Files.readString(kiosk.home().resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
        assertFalse(log.contains("OutOfMemoryError"), "an OutOfMemoryError in karaf.log");
        long retained = heap.retainedMb();
        System.out.printf("kiosk heap after the attacks: %d MB retained (%d MB at rest before them)%n", retained,
                restingMb);
        assertTrue(retained < restingMb + 40, "the attacks left " + (retained - restingMb) + " MB behind");
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.open("").find("#home-greeting");
            browser.tapCard(DemoCards.token(2));
            browser.waitForText("#session-name", DemoCards.NAMES.get(1));
        }
    }

    // ---- the attacker's tools

    /**
     * Staff send the file as an item's photo, past the page's limits: refused with a message naming {@code expected},
     * within the memory budget, and the item keeps having no photo.
     */
    private static void photoRefused(Path file, String expected, String what) {
        String item = "照片 " + file.getFileName() + " " + System.nanoTime() % 10000;
        try (KioskBrowser browser = new KioskBrowser(kiosk)) {
            browser.signInStaff("staff", "staff2026");
            photographing(browser, item);
            heap.rest();
            sendPastThePagesLimit(browser, "#lm-photo-upload", file);
            expectText(browser, "#lm-photo-error", expected);
            withinBudget(what);
            assertNoPhoto(browser, item);
        }
    }

    /**
     * Opens the page and sends the file through its upload past the page's limits: refused with a message in
     * {@code shown} naming {@code expected}, within the memory budget.
     */
    private static void refusedPastThePagesLimit(KioskBrowser browser, String page, String upload, Path file,
            String shown, String expected) throws IOException {
        browser.open(page).find(upload);
        heap.rest();
        sendPastThePagesLimit(browser, upload, file);
        expectText(browser, shown, expected);
        withinBudget(Files.size(file) / (1024 * 1024) + " MB " + file.getFileName());
    }

    /** As staff on the stock screen: a new item in stock, chosen for a photo. */
    private static void photographing(KioskBrowser browser, String item) {
        browser.stockItem(item, "2");
        // the intake refreshes the screen's lists: the photo's item is chosen once it is done
        browser.waitUntil(d -> browser.find("#lm-intake-qty").getAttribute("value").isEmpty(), Duration.ofSeconds(20));
        browser.chooseText("#lm-photo-item", item);
    }

    /**
     * Lifts the upload's limits in the page, as anybody can in the browser's developer tools, and sends the file
     * through the page's own upload (the request the server gets is the one a real page sends).
     */
    private static void sendPastThePagesLimit(KioskBrowser browser, String upload, Path file) {
        browser.script("const upload = arguments[0]; upload.maxFileSize = Infinity; upload.accept = '';",
                browser.find(upload));
        browser.upload(upload, file);
    }

    /** A file of this length that starts with these bytes and is zeros after them (sparse: no disk for the zeros). */
    private static void sparseFile(Path file, long length, byte[] start) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(start);
            out.setLength(length);
        }
    }

    /** A PNG of 16-bit RGBA pixels, all zero: tiny once compressed, {@code width * height * 8} bytes once decoded. */
    static byte[] bombPng(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] { 16, 6, 0, 0, 0 }); // bit depth, RGBA, deflate, adaptive filter, no interlace
        chunk(png, "IHDR", header.toByteArray());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream idat = new DeflaterOutputStream(compressed, new Deflater(9))) {
            byte[] row = new byte[1 + width * 8]; // filter byte "none", then the pixels
            for (int y = 0; y < height; y++) {
                idat.write(row);
            }
        }
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /** A photo as a camera takes it (a gradient and some text), as JPEG. */
    static byte[] photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 160), width, height, new Color(240, 200, 80)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height / 10));
        g.drawString("24 megapixels", width / 10, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    // ---- what the kiosk must show and keep

    private static void expectText(KioskBrowser browser, String selector, String text) {
        try {
            browser.waitUntil(d -> browser.all(selector).stream()
                    .anyMatch(e -> e.isDisplayed() && e.getText().contains(text)), ANSWER);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected \"" + text + "\" in " + selector + ", the screen shows: "
                    + browser.all(selector).stream().map(WebElement::getText).toList() + " / "
                    + browser.bodyText().replace('\n', ' '));
        }
    }

    /** The old generation held no more than the budget at once during the upload. */
    private static void withinBudget(String what) {
        long peak = heap.oldPeakAboveRestMb();
        System.out.printf("%s: old generation peak %d MB above rest (budget %d MB)%n", what, peak, BUDGET_MB);
        assertTrue(peak <= BUDGET_MB, what + " held " + peak + " MB at once, over the budget of " + BUDGET_MB + " MB");
    }

    private static void importRefused(KioskBrowser browser, Path file, String named) {
        browser.open("residents/import").find("#import-upload");
        browser.upload("#import-upload", file);
        // the kiosk has its demo community: the first real import asks before it removes it
        browser.waitUntil(d -> browser.present("#import-demo-confirm") || browser.all("#import-result").stream()
                .anyMatch(WebElement::isDisplayed), ANSWER);
        if (browser.present("#import-demo-confirm")) {
            browser.click("#import-demo-confirm");
        }
        try {
            browser.waitUntil(d -> browser.all("#import-rejected").stream()
                    .anyMatch(grid -> grid.isDisplayed() && grid.getText().contains(named)), ANSWER);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(file.getFileName() + ": expected a refusal naming " + named + ", the screen shows "
                    + browser.bodyText().replace('\n', ' '));
        }
        assertTrue(browser.text("#import-result").contains("什么都没有导入"),
                browser.text("#import-result"));
    }

    private static void assertNotImported(KioskBrowser browser, String name) {
        browser.open("residents").find("#residents-search");
        browser.type("#residents-search", name);
        browser.find("#residents-empty");
        assertFalse(browser.bodyText().contains(name), name + " was imported");
    }

    /** A resident's shop shows the item without a photo. */
    private static void assertNoPhoto(KioskBrowser staff, String item) {
        assertEquals(0, shownPhotoWidth(staff, item), "a refused photo was stored for " + item);
    }

    /** The width of the item's photo as the resident's shop shows it, 0 for none. */
    private static int shownPhotoWidth(KioskBrowser staff, String item) {
        staff.click("#logout");
        staff.find("#tap-card-hint");
        staff.tapCard(DemoCards.token(1));
        staff.find("#session-name");
        staff.open("lovemarket").find("#lovemarket-shop");
        WebElement card = staff.all("[id^=lm-item-]").stream().filter(e -> e.getText().contains(item)).findFirst()
                .orElseThrow(() -> new AssertionError(item + " is not in the shop"));
        java.util.List<WebElement> photos = card.findElements(By.cssSelector("img[id^=lm-photo-]"));
        if (photos.isEmpty()) {
            return 0;
        }
        WebElement photo = photos.get(0);
        staff.waitUntil(d -> ((Number) staff.script("return arguments[0].complete ? 1 : 0", photo)).intValue() == 1,
                Duration.ofSeconds(20));
        return ((Number) staff.script("return arguments[0].naturalWidth", photo)).intValue();
    }
}
