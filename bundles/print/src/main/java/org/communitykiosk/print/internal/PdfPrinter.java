package org.communitykiosk.print.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.communitykiosk.print.Printer;
import org.communitykiosk.print.Printout;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer: PDF with Apache PDFBox and an embedded subset of a Chinese TrueType font found on the kiosk
 * ({@link PrintConfig#fontFiles()}). Without such a font it refuses with an {@link IllegalStateException} rather
 * than printing boxes or question marks: the screen shows that printing is unavailable.
 * <p>
 * The font file is opened per printout: a printout is rare (a resident at the kiosk), and holding a collection of
 * several megabytes open would pin a file a technician may want to replace.
 */
@Component(service = Printer.class, configurationPid = PrintConfig.PID)
@Designate(ocd = PrintConfig.class)
public final class PdfPrinter implements Printer {

    private static final Logger LOG = LoggerFactory.getLogger(PdfPrinter.class);

    private volatile List<String> fontFiles;

    @Activate
    public PdfPrinter(PrintConfig config) {
        modified(config);
    }

    /** For tests and other callers outside OSGi. */
    public PdfPrinter(List<String> fontFiles) {
        this.fontFiles = List.copyOf(fontFiles);
    }

    @Modified
    void modified(PrintConfig config) {
        this.fontFiles = config.fontFiles() == null ? List.of() : List.of(config.fontFiles());
    }

    @Override
    public byte[] pdf(Printout printout) {
        try (CjkFont font = open()) {
            return Layout.render(printout, font);
        } catch (IOException e) {
            throw new UncheckedIOException("printout could not be rendered", e);
        }
    }

    private CjkFont open() {
        try {
            return CjkFont.open(fontFiles);
        } catch (IllegalStateException e) {
            LOG.error(e.getMessage());
            throw e;
        }
    }
}
