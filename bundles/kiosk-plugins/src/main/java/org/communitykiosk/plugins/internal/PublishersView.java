package org.communitykiosk.plugins.internal;

import java.nio.file.Path;
import java.util.List;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The publishers whose plugin archives this kiosk imports. An admin adds one from its certificate on a USB stick (or
 * in the kiosk's import folder): the screen shows who it names and its fingerprint, to compare with the fingerprint
 * the publisher gave by another way, before anything is trusted. Removing a publisher keeps what was imported.
 */
final class PublishersView extends VerticalLayout {

    private final ViewContext context;
    private final PluginImport importer;
    private final Paragraph error = Screens.notice("publishers-error");
    private final VerticalLayout trusted = new VerticalLayout();
    private final VerticalLayout offered = new VerticalLayout();
    private final VerticalLayout check = new VerticalLayout();

    PublishersView(ViewContext context, PluginImport importer) {
        this.context = context;
        this.importer = importer;
        setMaxWidth(Screens.CONTENT_WIDTH);
        trusted.setId("publishers-trusted");
        offered.setId("publishers-offered");
        check.setId("publishers-check");
        for (VerticalLayout part : List.of(trusted, offered, check)) {
            part.setPadding(false);
        }
        check.setVisible(false);
        add(Screens.backButton("publishers-back", context.text("plugins.publishers.back"),
                () -> context.navigate(PluginsPlugin.IMPORT)), Screens.heading(context.text("plugins.publishers.heading")),
                Screens.text(context.text("plugins.publishers.explain")), error, trusted, check,
                Screens.text(context.text("plugins.publishers.usb")), offered);
        show();
    }

    private void show() {
        trusted.removeAll();
        List<Publishers.Publisher> publishers = importer.publishers();
        if (publishers.isEmpty()) {
            trusted.add(Screens.text(context.text("plugins.publishers.none")));
        }
        for (int i = 0; i < publishers.size(); i++) {
            Publishers.Publisher publisher = publishers.get(i);
            Button remove = Screens.bigButton("publisher-remove-" + i, context.text("plugins.publishers.remove"),
                    () -> act(() -> importer.distrust(publisher.fingerprint(), context.session().actor())));
            trusted.add(described("publisher-" + i, publisher), remove);
        }
        offered.removeAll();
        List<Path> files = importer.offeredCertificates();
        if (files.isEmpty()) {
            offered.add(Screens.text(context.text("plugins.publishers.noneOffered")));
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Button button = Screens.bigButton("publisher-offered-" + i, file.getFileName().toString(), () -> ask(file));
            button.setTooltipText(file.toString());
            offered.add(button);
        }
    }

    /** Shows whom the certificate names and its fingerprint; nothing is trusted until the admin confirms. */
    private void ask(Path file) {
        error.setVisible(false);
        Publishers.Publisher publisher;
        try {
            publisher = Publishers.inspect(file);
        } catch (InvalidInputException refused) {
            showProblem(context.describe(refused));
            return;
        }
        Button trust = Screens.bigButton("publisher-trust", context.text("plugins.publishers.trust"),
                () -> act(() -> importer.trust(file, context.session().actor())));
        trust.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = Screens.bigButton("publisher-cancel", context.text("plugins.publishers.cancel"), () -> {
            check.setVisible(false);
            check.removeAll();
        });
        check.removeAll();
        check.add(Screens.text(context.text("plugins.publishers.compare")), described("publisher-candidate", publisher),
                new HorizontalLayout(trust, cancel));
        check.setVisible(true);
    }

    private VerticalLayout described(String id, Publishers.Publisher publisher) {
        Paragraph name = Screens.text(publisher.name());
        name.setId(id + "-name");
        Paragraph fingerprint = Screens.text(context.text("plugins.publishers.fingerprint", publisher.fingerprint()));
        fingerprint.setId(id + "-fingerprint");
        // read aloud pair by pair over the phone: a fixed-width font keeps the pairs in columns
        fingerprint.getStyle().set("font-family", "monospace").set("overflow-wrap", "anywhere");
        VerticalLayout described = new VerticalLayout(name, fingerprint);
        described.setPadding(false);
        described.setSpacing(false);
        return described;
    }

    private void act(Runnable change) {
        try {
            change.run();
            check.setVisible(false);
            check.removeAll();
            error.setVisible(false);
            show();
        } catch (InvalidInputException refused) {
            showProblem(context.describe(refused));
        }
    }

    private void showProblem(String problem) {
        error.setText(problem);
        error.setVisible(true);
    }
}
