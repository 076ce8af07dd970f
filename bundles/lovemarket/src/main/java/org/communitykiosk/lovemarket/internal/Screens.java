package org.communitykiosk.lovemarket.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.api.upload.UploadLimit;

import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.server.StreamResource;

/** What every love-market screen shares: sizes, the big back button, state labels, messages for refusals. */
final class Screens {

    static final String TEXT_SIZE = "var(--lumo-font-size-m)";
    static final String TITLE_SIZE = "var(--lumo-font-size-l)";
    static final String HEADING_SIZE = "var(--lumo-font-size-xl)";
    static final String CONTENT_WIDTH = "960px";

    private Screens() {
    }

    static H2 heading(String text) {
        H2 heading = new H2(text);
        heading.getStyle().set("font-size", HEADING_SIZE).set("margin", "0");
        return heading;
    }

    static Button backButton(String id, String text, Runnable action) {
        Button back = bigButton(id, text, action);
        back.setIcon(VaadinIcon.ARROW_LEFT.create());
        return back;
    }

    static Button bigButton(String id, String text, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_LARGE);
        return button;
    }

    static Button primary(String id, String text, Runnable action) {
        Button button = bigButton(id, text, action);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    /** A state in words inside a frame: never colour alone. */
    static Span label(String id, String text) {
        Span label = new Span(text);
        if (id != null) {
            label.setId(id);
        }
        label.getStyle().set("display", "inline-block").set("border", "2px solid currentColor")
                .set("border-radius", "6px").set("padding", "0 10px").set("margin-right", "10px")
                .set("font-weight", "600").set("font-size", TEXT_SIZE).set("line-height", "1.5");
        return label;
    }

    static Paragraph text(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        if (id != null) {
            paragraph.setId(id);
        }
        textSize(paragraph, TEXT_SIZE);
        paragraph.getStyle().set("margin", "0").set("white-space", "pre-line");
        return paragraph;
    }

    /** A message area for refusals, shown as text (a problem may quote an item name typed by staff). */
    static Paragraph error(String id) {
        Paragraph error = text(id, "");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        error.setVisible(false);
        return error;
    }

    static void show(Paragraph error, String text) {
        error.setText(text);
        error.setVisible(true);
    }

    /** Runs a write; a refusal or a database failure is shown in the error area. */
    static boolean attempt(ViewContext context, Paragraph error, Runnable write) {
        try {
            write.run();
            error.setVisible(false);
            return true;
        } catch (InvalidInputException refused) {
            show(error, context.describe(refused));
        } catch (StoreException failed) {
            show(error, context.text("lovemarket.problem.tryAgain"));
        }
        return false;
    }

    /**
     * A photo shown big on a card; its bytes are read when the browser asks for them, so the page itself stays light:
     * the type comes with the list of what has a photo ({@link PhotoTable#types}), not from reading the photo.
     *
     * @param name the resource's name in the page (unique on it)
     */
    static Image photo(String id, String name, String alt, String mimeType, Supplier<Optional<Photo>> read) {
        StreamResource resource = new StreamResource(name, () -> new ByteArrayInputStream(
                read.get().map(Photo::bytes).orElse(new byte[0])));
        resource.setContentType(mimeType);
        Image photo = new Image(resource, alt);
        photo.setId(id);
        photo.setWidthFull();
        photo.getStyle().set("height", "220px").set("object-fit", "contain").set("border-radius", "8px");
        return photo;
    }

    /**
     * Staff's photo upload: JPEG, PNG or GIF up to {@link PhotoRules#UPLOAD}, which the server enforces while it
     * receives; the received bytes go to {@code store}, which decides with {@link PhotoRules} and shows a refusal in
     * {@code error}.
     */
    static Upload photoUpload(ViewContext context, String id, Paragraph error, Consumer<byte[]> store) {
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = PhotoRules.UPLOAD.upload(buffer);
        upload.setId(id);
        // the browser's filter only helps staff pick a file; PhotoRules decides on the bytes themselves
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", ".jpg", ".jpeg", ".png", ".gif");
        // no file limit: with one, the refused file would still count and block the right one chosen next
        String tooBig = context.text("lovemarket.problem.photoTooBig", PhotoRules.UPLOAD.inMegabytes());
        UploadI18N texts = new UploadI18N();
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(context.text("lovemarket.stock.photoAdd"))
                .setMany(context.text("lovemarket.stock.photoAdd")));
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(context.text("lovemarket.stock.photoDrop"))
                .setMany(context.text("lovemarket.stock.photoDrop")));
        texts.setError(new UploadI18N.Error()
                .setFileIsTooBig(tooBig)
                .setIncorrectFileType(context.text("lovemarket.problem.photoNotImage")));
        texts.setCancel(context.text("lovemarket.photo.cancel"));
        upload.setI18n(texts);
        upload.addSucceededListener(done -> {
            try (InputStream in = buffer.getInputStream()) {
                store.accept(in.readAllBytes());
            } catch (IOException e) {
                show(error, context.text("lovemarket.problem.tryAgain"));
            }
            upload.clearFileList();
        });
        upload.addFileRejectedListener(refused -> show(error, refused.getErrorMessage()));
        upload.addFailedListener(failed -> {
            show(error, UploadLimit.exceeded(failed.getReason()) ? tooBig
                    : context.text("lovemarket.problem.tryAgain"));
            upload.clearFileList();
        });
        return upload;
    }

    static Div card(String id) {
        Div card = new Div();
        card.setId(id);
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box").set("padding", "16px 20px")
                .set("border", "2px solid var(--lumo-contrast-30pct)").set("border-radius", "12px")
                .set("background", "var(--lumo-base-color)").set("display", "flex").set("flex-direction", "column")
                .set("gap", "8px");
        return card;
    }

    static void textSize(HasStyle component, String size) {
        component.getStyle().set("font-size", size).set("line-height", "1.5");
    }

    static String periodText(ViewContext context, LimitPeriod period) {
        return context.text(switch (period) {
        case DAY -> "lovemarket.period.day";
        case WEEK -> "lovemarket.period.week";
        case MONTH -> "lovemarket.period.month";
        case YEAR -> "lovemarket.period.year";
        case EVER -> "lovemarket.period.ever";
        });
    }

    static String stateText(ViewContext context, Order.State state) {
        return context.text(switch (state) {
        case OPEN -> "lovemarket.state.open";
        case HANDED_OVER -> "lovemarket.state.handedOver";
        case CANCELLED -> "lovemarket.state.cancelled";
        });
    }

    static String reasonText(ViewContext context, AdjustReason reason) {
        return context.text(switch (reason) {
        case BROKEN -> "lovemarket.reason.broken";
        case EXPIRED -> "lovemarket.reason.expired";
        case LOST -> "lovemarket.reason.lost";
        case COUNTED -> "lovemarket.reason.counted";
        });
    }

    /** The id named by the first path segment ({@code receipt/12}). */
    static Optional<Long> idFromPath(ViewContext context) {
        List<String> segments = context.pathSegments();
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(segments.get(0)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
