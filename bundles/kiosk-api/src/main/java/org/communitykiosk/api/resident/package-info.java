/**
 * Residents and how they are identified at the kiosk (card, QR code, phone and PIN) and staff sign-in.
 * <p>
 * 2.0: cards carry random tokens ({@link org.communitykiosk.api.resident.CardToken}) issued by
 * {@link org.communitykiosk.api.resident.ResidentCards}; card reads are throttled and audited by
 * {@link org.communitykiosk.api.resident.CardReads}; {@code Identification.byToken} no longer takes a register number;
 * PIN attempts name the place they are made at, PIN locks escalate and staff unlock them, and a signed-in resident's
 * PIN can be asked for again before an action (step-up); staff sign-in names its place and admin screens ask for the
 * password again.
 * <p>
 * 2.1: the limits of a CSV import are part of the contract ({@code ResidentDirectory.IMPORT_MAX_*}), and an import
 * reports the progress of hashing its PINs ({@link org.communitykiosk.api.resident.ImportProgress}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.communitykiosk.api.resident;
