package org.communitykiosk.print;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders printouts. The texts are already translated by the caller; the printer only lays them out, with a font
 * that has the Chinese characters, embedded so any PDF reader or printer shows them.
 */
@ProviderType
public interface Printer {

    /** The printout as a complete PDF file (A4 portrait, pages numbered "n / total"). */
    byte[] pdf(Printout printout);
}
