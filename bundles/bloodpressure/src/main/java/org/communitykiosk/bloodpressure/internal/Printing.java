package org.communitykiosk.bloodpressure.internal;

import java.util.function.Supplier;

import org.communitykiosk.api.plugin.ViewContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A print button: the PDF is rendered on the tap and shown in the shell's printout dialog, which prints it and goes
 * with the screen and at sign-out (never a tab of its own); a printer that cannot print (no Chinese font) is reported
 * in words, not as a broken file.
 */
final class Printing {

    private static final Logger LOG = LoggerFactory.getLogger(Printing.class);

    private Printing() {
    }

    static VerticalLayout area(ViewContext context, String buttonId, String buttonText, String errorId,
            String fileName, long residentId, Supplier<byte[]> render) {
        VerticalLayout area = new VerticalLayout();
        area.setPadding(false);
        Paragraph error = Screens.text(errorId, "");
        error.setVisible(false);
        error.getStyle().set("font-weight", "600").set("color", "var(--lumo-error-text-color)");
        Button print = Screens.bigButton(buttonId, buttonText, () -> {
            error.setVisible(false);
            byte[] pdf;
            try {
                pdf = render.get();
            } catch (RuntimeException e) {
                // ids only: readings are health data
                LOG.warn("printout {} failed for resident {}: {}", buttonId, residentId, e.toString());
                error.setText(context.text("bloodpressure.print.unavailable"));
                error.setVisible(true);
                return;
            }
            context.showPrintout(fileName, pdf);
        });
        area.add(print, error);
        return area;
    }
}
