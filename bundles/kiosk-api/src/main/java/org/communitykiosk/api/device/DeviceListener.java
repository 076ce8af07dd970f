package org.communitykiosk.api.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a device is revoked (after the revocation committed), so that what the device has open ends at once: a
 * projector makes no request of its own for minutes, it only receives pushed changes. Register as an OSGi service.
 */
@ConsumerType
@FunctionalInterface
public interface DeviceListener {

    void revoked(Device device);
}
