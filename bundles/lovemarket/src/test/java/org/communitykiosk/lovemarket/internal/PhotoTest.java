package org.communitykiosk.lovemarket.internal;

import static org.communitykiosk.lovemarket.internal.FakeContext.find;
import static org.communitykiosk.lovemarket.internal.FakeContext.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/** Item photos: only bytes that really decode as an image are stored, and the shop shows them. */
class PhotoTest {

    private final Fixture f = new Fixture();
    // the photo's StreamResource is registered with the UI that shows the shop, as in the shell (held here: Vaadin
    // keeps the current UI by a weak reference)
    private final com.vaadin.flow.component.UI ui = new com.vaadin.flow.component.UI();

    @org.junit.jupiter.api.BeforeEach
    void currentUi() {
        com.vaadin.flow.component.UI.setCurrent(ui);
    }

    @AfterEach
    void close() {
        com.vaadin.flow.component.UI.setCurrent(null);
        f.close();
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void aRealImageIsStoredAndReadBackExactly() throws IOException {
        Item rice = f.item("大米", 30, 1, 0, LimitPeriod.MONTH);
        // large enough for several Base64 chunks
        byte[] png = image("png", 120, 90);
        assertTrue(png.length > 20_000, "test image of " + png.length + " bytes");
        f.market.setPhoto(rice.id(), png, Fixture.STAFF);
        Photo stored = f.market.photo(rice.id()).orElseThrow();
        assertEquals("image/png", stored.mimeType());
        assertArrayEquals(png, stored.bytes());
        byte[] jpeg = image("jpg", 40, 30);
        f.market.setPhoto(rice.id(), jpeg, Fixture.STAFF);
        assertEquals("image/jpeg", f.market.photo(rice.id()).orElseThrow().mimeType());
        assertArrayEquals(jpeg, f.market.photo(rice.id()).orElseThrow().bytes());
        assertEquals(Map.of(rice.id(), "image/jpeg"), f.market.photographed());
    }

    @Test
    void whatIsNotAnImageIsRefusedAndChangesNothing() throws IOException {
        Item rice = f.item("大米", 30, 1, 0, LimitPeriod.MONTH);
        byte[] good = image("png", 20, 20);
        f.market.setPhoto(rice.id(), good, Fixture.STAFF);
        byte[] truncated = Arrays.copyOf(image("png", 60, 60), 200);
        byte[] text = "%PDF-1.4 a document called photo.jpg".getBytes(StandardCharsets.US_ASCII);
        byte[] fakeJpeg = new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3 };
        for (byte[] bad : new byte[][] { text, fakeJpeg, new byte[0] }) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> f.market.setPhoto(rice.id(), bad, Fixture.STAFF));
            assertEquals("lovemarket.problem.photoNotImage", refused.problems().get(0).key());
        }
        // its header says it is a PNG, its pixels end early
        assertEquals("lovemarket.problem.photoIncomplete", assertThrows(InvalidInputException.class,
                () -> f.market.setPhoto(rice.id(), truncated, Fixture.STAFF)).problems().get(0).key());
        byte[] huge = new byte[PhotoRules.UPLOAD.maxBytes() + 1];
        System.arraycopy(good, 0, huge, 0, good.length);
        assertEquals("lovemarket.problem.photoTooBig", assertThrows(InvalidInputException.class,
                () -> f.market.setPhoto(rice.id(), huge, Fixture.STAFF)).problems().get(0).key());
        assertArrayEquals(good, f.market.photo(rice.id()).orElseThrow().bytes(), "the old photo stays");
    }

    @Test
    void aPhotoOnAPageIsNotReadUntilTheBrowserAsksForIt() {
        AtomicInteger reads = new AtomicInteger();
        Image photo = Screens.photo("lm-photo-1", "item-1", "大米", "image/png", () -> {
            reads.incrementAndGet();
            return java.util.Optional.empty();
        });
        assertEquals("大米", photo.getAlt().orElseThrow());
        assertEquals(0, reads.get(), "the type comes with the page; the bytes only when the browser asks");
    }

    /** The stock screen of a staff member who has chosen the item a photo is for. */
    @SuppressWarnings("unchecked")
    private StockView stockScreenPhotographing(FakeContext staff, Item item) {
        StockView stock = new StockView(staff, f.market, f.db.residents(), f.db.identification(), f.lottery);
        ((Select<Item>) get(stock, "lm-photo-item")).setValue(f.market.item(item.id()).orElseThrow());
        return stock;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhotoArrivingAfterAnIntakeStillGoesToTheItemChosenForIt() throws IOException {
        Item rice = f.item("大米", 30, 1, 0, LimitPeriod.MONTH);
        Item oil = f.item("食用油", 20, 1, 0, LimitPeriod.MONTH);
        FakeContext staff = FakeContext.staff();
        StockView stock = stockScreenPhotographing(staff, rice);
        // staff record a donation of oil while the photo is still uploading: the lists refresh
        ((Select<Item>) get(stock, "lm-intake-item")).setValue(f.market.item(oil.id()).orElseThrow());
        ((IntegerField) get(stock, "lm-intake-qty")).setValue(2);
        ((TextField) get(stock, "lm-intake-donor")).setValue("爱心企业");
        ((Button) get(stock, "lm-intake-save")).click();
        assertEquals(3, f.market.item(oil.id()).orElseThrow().stock(),
                ((HasText) get(stock, "lm-intake-error")).getText());

        stock.uploadPhoto(image("png", 30, 30));
        assertTrue(f.market.photo(rice.id()).isPresent(), "the photo went to the item chosen for it");
        assertTrue(f.market.photo(oil.id()).isEmpty());
        assertTrue(staff.notifications.stream().anyMatch(n -> n.contains("大米")), staff.notifications.toString());
    }

    @Test
    void staffUploadOnTheStockScreenAndTheShopShowsThePhoto() throws IOException {
        Item rice = f.item("大米", 30, 1, 0, LimitPeriod.MONTH);
        Item oil = f.item("食用油", 20, 1, 0, LimitPeriod.MONTH);
        StockView stock = stockScreenPhotographing(FakeContext.staff(), rice);
        stock.uploadPhoto("not an image".getBytes(StandardCharsets.UTF_8));
        assertEquals("This file is not a photo: use a JPEG, PNG or GIF picture. Nothing was changed.",
                ((HasText) get(stock, "lm-photo-error")).getText());
        assertTrue(f.market.photo(rice.id()).isEmpty());
        stock.uploadPhoto(image("png", 30, 30));
        assertTrue(f.market.photo(rice.id()).isPresent());

        Resident zhang = f.resident("张桂兰", "10000001");
        ShopView shop = new ShopView(FakeContext.resident(zhang), f.market, f.lottery, f.db.clock());
        Image photo = (Image) get(shop, "lm-photo-" + rice.id());
        assertEquals("大米", photo.getAlt().orElseThrow());
        assertTrue(find(shop, "lm-photo-" + oil.id()).isEmpty(), "no photo: a text-only card");
        assertTrue(find(shop, "lm-item-" + oil.id()).isPresent());
    }
}
