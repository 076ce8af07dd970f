/**
 * Residents and how they are identified at the kiosk (card, QR code, phone and PIN) and staff sign-in.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.communitykiosk.api.resident;
