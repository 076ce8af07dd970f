/**
 * Erasing what the kiosk keeps about residents: the plugin SPI {@link org.communitykiosk.api.erasure.ResidentErasure}
 * (each plugin that keeps rows about residents implements it), and the demo community's removal
 * ({@link org.communitykiosk.api.erasure.DemoResidents}), its first user. A resident's right to erasure (issue 18)
 * will use the same SPI.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.communitykiosk.api.erasure;
