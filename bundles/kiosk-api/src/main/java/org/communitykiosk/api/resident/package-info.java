/**
 * Residents and how they are identified at the kiosk (card, QR code, phone and PIN) and staff sign-in.
 * <p>
 * 1.1: cards carry random tokens ({@link org.communitykiosk.api.resident.CardToken}) issued by
 * {@link org.communitykiosk.api.resident.ResidentCards}; card reads are throttled and audited by
 * {@link org.communitykiosk.api.resident.CardReads}; {@code Identification.byToken} no longer takes a register number.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.communitykiosk.api.resident;
