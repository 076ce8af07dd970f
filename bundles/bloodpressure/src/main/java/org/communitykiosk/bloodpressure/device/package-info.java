/**
 * Blood-pressure monitors as the kiosk sees them: the driver SPI ({@link BloodPressureMonitor} and its
 * {@link MonitorListener}), the {@link Measurement} a monitor delivers, and the decoder of the Bluetooth Blood Pressure
 * Measurement record (characteristics 0x2A35 and 0x2A36), so that a driver in another bundle can feed it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.communitykiosk.bloodpressure.device;
