package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CardTokenTest {

    @Test
    void aCardReaderTypesTheNumberAndAQrCodeCarriesAPrefix() {
        assertEquals("12345678", CardToken.cardNumber("12345678"));
        assertEquals("12345678", CardToken.cardNumber(" 12345678\n"));
        assertEquals("12345678", CardToken.cardNumber("KIOSK-CARD:12345678"));
        assertEquals("12345678", CardToken.cardNumber("kiosk-card:12345678"));
        assertEquals("", CardToken.cardNumber(null));
    }
}
