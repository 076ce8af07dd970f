package org.communitykiosk.admin.internal;

import java.util.BitSet;
import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.print.Printer;
import org.communitykiosk.print.Printout;

import com.google.zxing.common.BitMatrix;

/**
 * A new resident card on paper: a wallet card to cut out with the resident's name, register number and token, in
 * digits and as the QR code, and what to do with it. A class of its own so that the print API is loaded only when
 * staff print a card (the import is optional).
 */
final class CardPrintout {

    private CardPrintout() {
    }

    /** The card as PDF, by the printer (a {@link Printer}; typed Object for the callers, see the class). */
    static byte[] pdf(Object printer, ViewContext context, Resident resident, CardToken token) {
        return ((Printer) printer).pdf(of(context, resident, token));
    }

    static Printout of(ViewContext context, Resident resident, CardToken token) {
        BitMatrix matrix = QrCode.encode(token.qrPayload());
        BitSet dark = new BitSet();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    dark.set(y * matrix.getWidth() + x);
                }
            }
        }
        Printout.Card card = new Printout.Card(List.of(resident.name(),
                context.text("admin.card.print.number", resident.cardNumber()), token.grouped()),
                new Printout.Code(matrix.getWidth(), dark));
        return new Printout(context.text("admin.card.print.title"), null, true,
                List.of(card, new Printout.Text(context.text("admin.card.print.keep"))));
    }
}
