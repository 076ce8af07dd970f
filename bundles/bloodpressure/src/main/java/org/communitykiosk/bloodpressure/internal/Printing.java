package org.communitykiosk.bloodpressure.internal;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

import org.communitykiosk.api.plugin.ViewContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.StreamResource;

/**
 * A print button: the PDF is rendered on the tap, then a big link opens it in a new tab (the kiosk's browser prints
 * from there); a printer that cannot print (no Chinese font) is reported in words, not as a broken download.
 */
final class Printing {

    private static final Logger LOG = LoggerFactory.getLogger(Printing.class);

    private Printing() {
    }

    static VerticalLayout area(ViewContext context, String buttonId, String buttonText, String linkId,
            String linkText, String errorId, String fileName, long residentId, Supplier<byte[]> render) {
        VerticalLayout area = new VerticalLayout();
        area.setPadding(false);
        Paragraph error = Screens.text(errorId, "");
        error.setVisible(false);
        error.getStyle().set("font-weight", "600").set("color", "var(--lumo-error-text-color)");
        Anchor[] link = new Anchor[1];
        Button print = Screens.bigButton(buttonId, buttonText, () -> {
            error.setVisible(false);
            if (link[0] != null) {
                area.remove(link[0]);
                link[0] = null;
            }
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
            link[0] = link(linkId, linkText, fileName, "application/pdf", pdf);
            link[0].setTarget("_blank");
            area.add(link[0]);
        });
        area.add(print, error);
        return area;
    }

    static Anchor link(String id, String text, String fileName, String contentType, byte[] content) {
        StreamResource resource = new StreamResource(fileName, () -> new ByteArrayInputStream(content));
        resource.setContentType(contentType);
        Anchor link = new Anchor(resource, text);
        link.setId(id);
        Screens.textSize(link, Screens.TITLE_SIZE);
        link.getStyle().set("font-weight", "700").set("padding", "12px 0");
        return link;
    }
}
