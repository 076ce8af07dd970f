package org.communitykiosk.ui.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.communitykiosk.api.resident.CardReads;

import com.vaadin.flow.server.VaadinRequest;

/**
 * Where a request comes from, as the card reader's throttle counts places: the kiosk's own screen, or (once devices
 * can be enrolled, issue 16 "network and devices") an enrolled device. Card reads from anywhere else are refused.
 * <p>
 * Until enrolment exists, the kiosk's screen is recognised by its address: its browser runs on the kiosk and reaches
 * it over loopback, from 127.0.0.1 or ::1 exactly (other 127.x addresses are what tests use for "another machine").
 * With enrolment, {@code KioskSession.device()} decides: an enrolled device is {@link CardReads#device(long)}, and
 * no device on the loopback connector is the kiosk's screen.
 */
final class Places {

    private Places() {
    }

    /** The place of the request a card read came with; empty when card reads are not accepted from there. */
    static Optional<String> cardPlace(VaadinRequest request) {
        if (request == null) {
            return Optional.empty();
        }
        return kioskScreen(request.getRemoteAddr()) ? Optional.of(CardReads.KIOSK_SCREEN) : Optional.empty();
    }

    static boolean kioskScreen(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return false;
        }
        String literal = remoteAddress.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        // an address literal only (dotted IPv4, or IPv6 with its colons): a host name is not looked up but refused
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !literal.matches("[0-9a-fA-F.:]*:[0-9a-fA-F.:]*")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(literal);
            byte[] bytes = address.getAddress();
            if (bytes.length == 4) {
                return bytes[0] == 127 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 1;
            }
            return address.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
