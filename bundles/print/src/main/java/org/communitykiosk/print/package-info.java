/**
 * Printouts (打印): what a plugin hands to a resident on paper, a large-type points statement, a blood-pressure card
 * for the doctor, meeting minutes. A plugin describes the document as a {@link org.communitykiosk.print.Printout};
 * the {@link org.communitykiosk.print.Printer} service turns it into a PDF the kiosk's browser shows or prints.
 * 1.1: wallet cards with a code ({@link org.communitykiosk.print.Printout.Card}), for resident cards.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.communitykiosk.print;
