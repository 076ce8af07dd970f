package org.communitykiosk.lovemarket.internal;

import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The swap board (邻里交换): post a HAVE or WANT, ask for someone else's entry, and on one's own entries see the
 * suggested matches and who asked (names masked), promise to one of them, show the pickup code; the recipient types
 * that code to close the swap. Expired entries can be reposted. Entries show the photo staff added; staff (signed in
 * without a resident) see the board and add a photo to an entry.
 */
final class SwapView extends VerticalLayout {

    private final ViewContext context;
    private final JdbcSwapBoard swaps;
    private final ResidentDirectory residents;
    private final Clock clock;
    private final Resident resident;
    private final Select<SwapEntry.Kind> kind = new Select<>();
    private final TextField title = new TextField();
    private final TextField category = new TextField();
    private final TextArea description = new TextArea();
    private final Paragraph error = Screens.error("lm-swap-error");
    private final VerticalLayout board = new VerticalLayout();
    private final VerticalLayout mine = new VerticalLayout();
    private final Select<SwapEntry> photoEntry = new Select<>();
    private final Paragraph photoError = Screens.error("lm-swap-photo-error");
    /** Entries with a photo, with its MIME type. */
    private Map<Long, String> photographed = Map.of();

    SwapView(ViewContext context, JdbcSwapBoard swaps, ResidentDirectory residents, Clock clock) {
        this.context = context;
        this.swaps = swaps;
        this.residents = residents;
        this.clock = clock;
        this.resident = context.session().resident().orElse(null);
        setId("lovemarket-swap");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("lm-swap-back", context.text("lovemarket.basket.back"),
                () -> context.navigate(LoveMarketPlugin.SHOP)), Screens.heading(context.text("lovemarket.swap.heading")));
        if (resident == null && context.session().staff().isPresent()) {
            staffPhotos();
            return;
        }
        if (resident == null) {
            add(Screens.text("lm-shop-sign-in", context.text("lovemarket.shop.signIn")));
            return;
        }
        kind.setId("lm-swap-kind");
        kind.setLabel(context.text("lovemarket.swap.kind"));
        kind.setItems(SwapEntry.Kind.values());
        kind.setItemLabelGenerator(this::kindText);
        kind.setValue(SwapEntry.Kind.HAVE);
        title.setId("lm-swap-title");
        title.setLabel(context.text("lovemarket.swap.title"));
        title.setMaxLength(SwapRules.TITLE_MAX);
        category.setId("lm-swap-category");
        category.setLabel(context.text("lovemarket.stock.category"));
        description.setId("lm-swap-description");
        description.setLabel(context.text("lovemarket.swap.description"));
        description.setWidthFull();
        Div form = Screens.card("lm-swap-form");
        form.add(kind, title, category, description, error,
                Screens.primary("lm-swap-post", context.text("lovemarket.swap.post"), this::post));
        board.setPadding(false);
        mine.setPadding(false);
        add(form, Screens.heading(context.text("lovemarket.swap.mine")), mine,
                Screens.heading(context.text("lovemarket.swap.board")), board);
        refresh();
    }

    /** Staff add photos to entries, for example of an item a resident brought to the centre. */
    private void staffPhotos() {
        photoEntry.setId("lm-swap-photo-entry");
        photoEntry.setLabel(context.text("lovemarket.swap.photoEntry"));
        photoEntry.setItemLabelGenerator(
                e -> context.text("lovemarket.swap.entryLabel", kindText(e.kind()), e.title()));
        photoEntry.setWidthFull();
        Div form = Screens.card("lm-swap-photo-form");
        form.add(Screens.heading(context.text("lovemarket.swap.photoHeading")),
                Screens.text(null, context.text("lovemarket.swap.photoExplain")), photoEntry,
                Screens.photoUpload(context, "lm-swap-photo-upload", photoError, this::uploadPhoto), photoError);
        board.setPadding(false);
        add(form, Screens.heading(context.text("lovemarket.swap.board")), board);
        refreshForStaff();
    }

    /** Stores an uploaded photo for the chosen entry, or says why not. Visible for tests. */
    void uploadPhoto(byte[] bytes) {
        SwapEntry entry = photoEntry.getValue();
        if (entry == null) {
            Screens.show(photoError, context.text("lovemarket.problem.chooseSwapEntry"));
            return;
        }
        if (Screens.attempt(context, photoError, () -> swaps.setPhoto(entry.id(), bytes,
                context.session().actor()))) {
            context.notify(context.text("lovemarket.swap.photoSaved", entry.title()));
            refreshForStaff();
        }
    }

    private void refreshForStaff() {
        board.removeAll();
        photographed = swaps.photographed();
        List<SwapEntry> open = swaps.board();
        SwapEntry chosen = photoEntry.getValue();
        photoEntry.setItems(open);
        open.stream().filter(e -> chosen != null && e.id() == chosen.id()).findFirst().ifPresent(photoEntry::setValue);
        open.forEach(e -> board.add(describe("lm-swap-entry-" + e.id(), e)));
        if (open.isEmpty()) {
            board.add(Screens.text("lm-swap-empty", context.text("lovemarket.swap.empty")));
        }
    }

    private String kindText(SwapEntry.Kind k) {
        return context.text(k == SwapEntry.Kind.HAVE ? "lovemarket.swap.have" : "lovemarket.swap.want");
    }

    private void post() {
        if (Screens.attempt(context, error, () -> swaps.post(resident.id(), kind.getValue(), title.getValue(),
                category.getValue(), description.getValue(), context.session().actor()))) {
            title.clear();
            description.clear();
            context.notify(context.text("lovemarket.swap.posted"));
            refresh();
        }
    }

    private void refresh() {
        board.removeAll();
        mine.removeAll();
        photographed = swaps.photographed();
        List<SwapEntry> open = swaps.board();
        open.stream().filter(e -> e.ownerId() != resident.id()).forEach(e -> board.add(boardRow(e)));
        if (board.getComponentCount() == 0) {
            board.add(Screens.text("lm-swap-empty", context.text("lovemarket.swap.empty")));
        }
        List<SwapEntry> own = swaps.mine(resident.id());
        if (own.isEmpty()) {
            mine.add(Screens.text("lm-swap-mine-empty", context.text("lovemarket.swap.mineEmpty")));
        }
        own.forEach(e -> mine.add(mineRow(e)));
    }

    private Div describe(String id, SwapEntry entry) {
        Div row = Screens.card(id);
        Span heading = new Span(entry.title());
        Screens.textSize(heading, Screens.TITLE_SIZE);
        heading.getStyle().set("font-weight", "600");
        row.add(new Div(Screens.label(null, kindText(entry.kind())), Screens.label(null, entry.category())), heading);
        String photoType = photographed.get(entry.id());
        if (photoType != null) {
            row.add(Screens.photo("lm-swap-photo-" + entry.id(), "swap-" + entry.id(), entry.title(), photoType,
                    () -> swaps.photo(entry.id())));
        }
        if (!entry.description().isEmpty()) {
            row.add(Screens.text(null, entry.description()));
        }
        return row;
    }

    private Div boardRow(SwapEntry entry) {
        Div row = describe("lm-swap-entry-" + entry.id(), entry);
        row.add(Screens.bigButton("lm-swap-ask-" + entry.id(), context.text(entry.kind() == SwapEntry.Kind.HAVE
                ? "lovemarket.swap.askHave" : "lovemarket.swap.askWant"), () -> {
                    if (Screens.attempt(context, error,
                            () -> swaps.askFor(entry.id(), resident.id(), context.session().actor()))) {
                        context.notify(context.text("lovemarket.swap.asked"));
                    }
                }));
        return row;
    }

    private Div mineRow(SwapEntry entry) {
        Div row = describe("lm-swap-mine-" + entry.id(), entry);
        boolean owner = entry.ownerId() == resident.id();
        Instant now = clock.instant();
        switch (entry.state()) {
        case OPEN -> {
            if (entry.expiredAt(now)) {
                row.add(Screens.label(null, context.text("lovemarket.swap.expired")),
                        Screens.bigButton("lm-swap-repost-" + entry.id(), context.text("lovemarket.swap.repost"),
                                () -> {
                                    if (Screens.attempt(context, error, () -> swaps.repost(entry.id(), resident.id(),
                                            context.session().actor()))) {
                                        refresh();
                                    }
                                }));
                break;
            }
            String matches = swaps.matches(entry).stream().map(SwapEntry::title).collect(Collectors.joining("、"));
            if (!matches.isEmpty()) {
                row.add(Screens.text("lm-swap-matches-" + entry.id(), context.text("lovemarket.swap.matches",
                        matches)));
            }
            for (long asker : swaps.interested(entry.id())) {
                String name = residents.byId(asker).map(r -> mask(r.name())).orElse("#" + asker);
                row.add(Screens.bigButton("lm-swap-promise-" + entry.id() + "-" + asker,
                        context.text("lovemarket.swap.promiseTo", name), () -> {
                            if (Screens.attempt(context, error, () -> swaps.promise(entry.id(), resident.id(), asker,
                                    context.session().actor()))) {
                                refresh();
                            }
                        }));
            }
        }
        case PROMISED -> {
            if (owner) {
                Span code = new Span(entry.pickupCode());
                code.setId("lm-swap-code-" + entry.id());
                code.getStyle().set("font-size", "64px").set("font-weight", "800").set("font-family", "monospace");
                row.add(Screens.text(null, context.text("lovemarket.swap.showCode")), code);
            } else {
                TextField code = new TextField(context.text("lovemarket.orders.code"));
                code.setId("lm-swap-code-input-" + entry.id());
                HorizontalLayout close = new HorizontalLayout(code,
                        Screens.primary("lm-swap-close-" + entry.id(), context.text("lovemarket.swap.received"), () -> {
                            if (Screens.attempt(context, error, () -> swaps.close(entry.id(), resident.id(),
                                    code.getValue(), context.session().actor()))) {
                                context.notify(context.text("lovemarket.swap.closed"));
                                refresh();
                            }
                        }));
                close.setAlignItems(FlexComponent.Alignment.BASELINE);
                row.add(Screens.text(null, context.text("lovemarket.swap.typeCode")), close);
            }
        }
        case DONE -> row.add(Screens.label(null, context.text("lovemarket.swap.done")));
        default -> {
        }
        }
        return row;
    }

    /** 张桂兰 → 张*兰: enough for neighbours to recognise each other, not a full name on a public screen. */
    static String mask(String name) {
        if (name.length() <= 1) {
            return name;
        }
        if (name.length() == 2) {
            return name.charAt(0) + "*";
        }
        return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
    }
}
