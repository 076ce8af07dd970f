package org.communitykiosk.ui.internal;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.StreamResource;

/**
 * A printout shown on the kiosk's screen: the PDF in a frame of the kiosk's own address (the browser's PDF viewer),
 * a big "print" button that sends the frame to the printer, and a big "close". Never a tab or a window of its own,
 * which would stay on screen after sign-out: the dialog belongs to the screen that opened it ({@link ScreenScope}), and
 * goes with it, at sign-out and when the resident closes it. The PDF's address lives only as long as the frame: Vaadin
 * unregisters it when the frame leaves the page.
 */
final class PrintoutDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    /** The class of every printout frame, so that closing removes it from the page whatever Vaadin leaves there. */
    static final String FRAME_CLASS = "kiosk-printout-frame";

    private final Div body = new Div();

    PrintoutDialog(Translations translations, Locale locale, String fileName, byte[] pdf) {
        setId("printout-dialog");
        addClassName("kiosk-printout");
        setCloseOnOutsideClick(false);
        setWidth("90vw");
        setHeight("90vh");
        StreamResource resource = new StreamResource(safeName(fileName), () -> new ByteArrayInputStream(pdf));
        resource.setContentType("application/pdf");
        // shown in the frame, never saved to the browser's downloads
        resource.setHeader("Content-Disposition", "inline");
        resource.setCacheTime(0);
        Element frame = new Element("iframe");
        frame.setAttribute("id", "printout-frame");
        frame.setAttribute("class", FRAME_CLASS);
        frame.setAttribute("title", translations.text(locale, "shell.printout.title"));
        frame.setAttribute("src", resource);
        frame.getStyle().set("width", "100%").set("flex", "1").set("min-height", "60vh").set("border", "2px solid")
                .set("border-radius", "8px");

        Button print = new Button(translations.text(locale, "shell.printout.print"), VaadinIcon.PRINT.create(),
                e -> frame.executeJs("this.contentWindow.focus(); this.contentWindow.print();"));
        print.setId("printout-print");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        Button close = new Button(translations.text(locale, "shell.printout.close"), VaadinIcon.CLOSE.create(), e -> {
            close();
            getElement().removeFromParent();
        });
        close.setId("printout-close");
        close.addThemeVariants(ButtonVariant.LUMO_LARGE);
        Div buttons = new Div(print, close);
        buttons.addClassName("kiosk-printout-buttons");
        body.addClassName("kiosk-printout-body");
        body.getElement().appendChild(frame);
        add(buttons, body);
    }

    /**
     * Takes the frame off the page first: Vaadin's dialog overlay kept the frame in the page, hidden, after the dialog
     * was closed and removed (seen by AttackSessionIT after the server's sign-out), and the PDF must not stay there
     * (nor its address be served) once the dialog is gone. The frame leaves the server's tree (its address is
     * unregistered with it) and the page drops every printout frame it still has.
     */
    @Override
    public void close() {
        getUI().ifPresent(ui -> ui.getPage().executeJs(
                "document.querySelectorAll('iframe." + FRAME_CLASS + "').forEach(frame => frame.remove())"));
        body.getElement().removeAllChildren();
        super.close();
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "");
        return name.isEmpty() ? "printout.pdf" : name;
    }
}
