/**
 * Devices on the centre's LAN (voting booths and tablets, the projector, a door check-in tablet, a staff tablet): they
 * reach the kiosk over TLS on the device connector, and only after an admin enrolled them with a one-time pairing
 * code. The kiosk's own screen (its browser on loopback) is no device. A session knows which device it runs on
 * ({@link org.communitykiosk.api.plugin.KioskSession#device()}), and a device shows only the views of its role
 * ({@link org.communitykiosk.api.plugin.PluginView#devices()}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.communitykiosk.api.device;
