package org.communitykiosk.api.device;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where devices reach this kiosk, for the admin screen that enrols them: the device connector's addresses and the
 * fingerprints a tablet's owner compares before trusting the kiosk's certificate.
 */
@ProviderType
public interface DeviceConnector {

    /** Whether the device connector accepts connections now (no key store, or its port taken: it does not). */
    boolean running();

    /** The enrolment page's address on each of the machine's network addresses, for example https://192.168.1.20:8443/kiosk/enrol. */
    List<URI> addresses();

    /** SHA-256 fingerprint of the certificate the connector presents, as browsers show it ({@code AB:CD:...}). */
    Optional<String> certificateFingerprint();

    /**
     * SHA-256 fingerprint of the authority that issued it, when the kiosk made its own ({@code etc/tls/kiosk-ca.crt},
     * the file a tablet installs to trust the kiosk).
     */
    Optional<String> authorityFingerprint();

    /** That authority's certificate (PEM), for a tablet to download from the enrolment page and install. */
    Optional<byte[]> authorityCertificate();
}
