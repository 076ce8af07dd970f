package org.communitykiosk.deliberation.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.communitykiosk.api.device.DeviceRole;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.print.Printer;
import org.osgi.service.component.annotations.Activate;

import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Resident deliberation (百姓议事会): residents raise matters, staff sort them (三事分流), residents support small
 * ones, the council meets, checks in at the door, votes at kiosk booths and sees the count live on the projector.
 * <p>
 * Views, below {@code /deliberation}:
 * <ul>
 * <li>{@code ""} (public): status board of matters and meetings</li>
 * <li>{@code raise} (resident): raise a matter</li>
 * <li>{@code support} (resident): support small matters</li>
 * <li>{@code triage} (staff): sort matters, close them</li>
 * <li>{@code meeting} (staff): meetings, new meeting; {@code meeting/<id>}: the chair's screen (agenda, open/close
 * votes, paper ballots, results)</li>
 * <li>{@code checkin/<meeting id>} (public; the door kiosk, staff open it; also on an enrolled door tablet): card taps
 * check residents in</li>
 * <li>{@code vote/<meeting id>} (public; a booth, staff open it; also on an enrolled booth tablet): card tap, ballot,
 * receipt</li>
 * <li>{@code screen/<meeting id>} (public, no sign-in; also on an enrolled projector PC): the projector</li>
 * <li>{@code minutes/<meeting id>} (staff): minutes as plain text, and as PDF when a printer service is there</li>
 * </ul>
 * Element ids, kept stable for browser tests:
 * <ul>
 * <li>board: {@code deliberation-board}; {@code meeting-<id>} (tap opens the projector screen), {@code matter-<id>};
 * {@code deliberation-raise-link}, {@code deliberation-support-link}, staff {@code deliberation-triage-link},
 * {@code deliberation-meetings-link}</li>
 * <li>raise: {@code raise-form}, {@code raise-title}, {@code raise-description}, {@code raise-category},
 * {@code raise-location}, {@code raise-submit}, {@code raise-error}, {@code raise-back}</li>
 * <li>support: {@code support-list}, per matter {@code support-matter-<id>} and button {@code support-<id>},
 * {@code support-message}, {@code support-empty}, {@code support-back}</li>
 * <li>triage: {@code triage-list}, per matter {@code triage-<id>}, {@code triage-route-<id>},
 * {@code triage-referred-<id>}, {@code triage-reason-<id>}, {@code triage-save-<id>}, {@code triage-error-<id>},
 * {@code triage-close-<id>}, {@code triage-back}</li>
 * <li>meetings: {@code meetings}, {@code meeting-row-<id>}, {@code meeting-title}, {@code meeting-starts},
 * {@code meeting-place}, {@code meeting-eligibility}, {@code meeting-building} (shown for a building meeting),
 * {@code meeting-grid} (shown for a grid meeting; grids by name from the {@code grids} setting), {@code meeting-quorum},
 * {@code meeting-create}, {@code meeting-error}, {@code meeting-back}</li>
 * <li>chair: {@code meeting-detail}, {@code meeting-status}, {@code checkin-link}, {@code vote-link},
 * {@code screen-link}, {@code minutes-link}, {@code motion-error}; per motion {@code motion-<id>},
 * {@code poll-open-<poll id>}, {@code poll-cast-<poll id>}, {@code poll-close-<poll id>}, result
 * {@code poll-<poll id>-result}, {@code poll-<poll id>-bar-<i>}, {@code poll-<poll id>-totals},
 * {@code poll-<poll id>-outcome}; paper {@code paper-total-<poll id>}, {@code paper-valid-<poll id>},
 * {@code paper-blank-<poll id>}, {@code paper-invalid-<poll id>}, {@code paper-option-<poll id>-<i>},
 * {@code paper-add-<poll id>}; new motion {@code motion-form}, {@code motion-title}, {@code motion-kind},
 * {@code motion-options} (one per line), {@code motion-max}, {@code motion-secret}, {@code motion-rule},
 * {@code motion-add}, {@code motion-form-error}; matters with enough support {@code agenda-matters}, each
 * {@code agenda-add-<matter id>} (adds it as a secret yes/no/abstain motion)</li>
 * <li>door: {@code checkin}, {@code checkin-prompt}, {@code checkin-message}, {@code checkin-present},
 * {@code checkin-quorum}</li>
 * <li>booth: {@code vote-booth}, {@code vote-prompt}, {@code vote-message}, {@code vote-question},
 * {@code vote-choice-<i>} (yes/no/abstain are 0/1/2), {@code vote-submit} (up to K), {@code vote-cancel},
 * {@code vote-recorded}, {@code vote-receipt}, {@code vote-next}</li>
 * <li>projector: {@code projector}, {@code projector-meeting}, {@code projector-present}, {@code projector-motion},
 * {@code projector-cast}, {@code projector-open-time}, {@code projector-waiting}, {@code projector-result},
 * {@code projector-bar-<i>}, {@code projector-totals}, {@code projector-outcome}, {@code projector-receipts},
 * {@code projector-chain-head}</li>
 * <li>minutes: {@code minutes-text}; with a {@link Printer} service, {@code minutes-pdf} (a button, here and on the
 * chair's screen: 会议纪要 PDF, built by {@link MinutesDocument}, shown in the shell's printout dialog); an unknown meeting anywhere:
 * {@code deliberation-meeting-missing}</li>
 * </ul>
 */
@org.osgi.service.component.annotations.Component(service = KioskPlugin.class,
        property = KioskPlugin.PLUGIN_ID + "=" + DeliberationPlugin.ID, configurationPid = DeliberationConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class DeliberationPlugin implements KioskPlugin {

    static final String ID = "deliberation";

    static final String BOARD = "";
    static final String RAISE = "raise";
    static final String SUPPORT = "support";
    static final String TRIAGE = "triage";
    static final String MEETING = "meeting";
    static final String CHECKIN = "checkin";
    static final String VOTE = "vote";
    static final String SCREEN = "screen";
    static final String MINUTES = "minutes";

    private final List<PluginView> views;

    /**
     * Optional and dynamic: the council works without a printer, even without the print bundle (an optional import;
     * no screen names a print type), and then offers no PDF. A printer that comes or goes later is seen by the next
     * screen built, without restarting the plugin and the meetings under way.
     */
    private volatile Printer printer;

    @Activate
    public DeliberationPlugin(@Reference(name = "council") Council council,
            @Reference(name = "matters") Matters matters, @Reference(name = "events") PollEvents events,
            @Reference(name = "identification") Identification identification,
            @Reference(name = "residents") ResidentDirectory residents, @Reference(name = "clock") Clock clock,
            DeliberationConfig config) {
        this(council, matters, events, identification, residents, clock, config.defaultQuorum());
    }

    DeliberationPlugin(Council council, Matters matters, PollEvents events, Identification identification,
            ResidentDirectory residents, Clock clock, int defaultQuorum) {
        Supplier<Optional<Printer>> printer = () -> Optional.ofNullable(this.printer);
        this.views = List.of(
                new PluginView(BOARD, Audience.PUBLIC, context -> new BoardView(context, matters, council)),
                new PluginView(RAISE, Audience.RESIDENT, context -> new RaiseView(context, matters)),
                new PluginView(SUPPORT, Audience.RESIDENT, context -> new SupportView(context, matters)),
                new PluginView(TRIAGE, Audience.STAFF, context -> new TriageView(context, matters)),
                new PluginView(MEETING, Audience.STAFF, context -> new MeetingView(context, council, matters, defaultQuorum,
                        printer.get().map(p -> minutesPdf(context, council, residents, printer)))),
                // the meeting room's enrolled devices: the door tablet, the booths, the projector
                new PluginView(CHECKIN, Audience.PUBLIC,
                        context -> new CheckInView(context, council, identification, events), DeviceRole.DOOR),
                new PluginView(VOTE, Audience.PUBLIC, context -> new VoteView(context, council, identification, events),
                        DeviceRole.BOOTH),
                new PluginView(SCREEN, Audience.PUBLIC, context -> new ProjectorView(context, council, events, clock),
                        DeviceRole.PROJECTOR),
                new PluginView(MINUTES, Audience.STAFF, context -> minutes(context, council, residents,
                        printer.get().map(p -> minutesPdf(context, council, residents, printer)))));
    }

    @Reference(name = "printer", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPrinter(Printer printer) {
        this.printer = printer;
    }

    void unsetPrinter(Printer gone) {
        if (this.printer == gone) {
            this.printer = null;
        }
    }

    /**
     * The minutes as a PDF, built when the staff member taps it (so it has every ballot counted by then). The printer
     * is looked up again at that moment: if it has gone since the screen was shown, the printout fails (said in words)
     * rather than keeping a service that is no longer there.
     */
    static MinutesPdf minutesPdf(ViewContext context, Council council, ResidentDirectory residents,
            Supplier<Optional<Printer>> printer) {
        return meetingId -> {
            Printer now = printer.get().orElseThrow(() -> new IllegalStateException("the printer has gone"));
            return now.pdf(MinutesDocument.printout(context, MinutesDocument.facts(context, council, residents, meetingId)));
        };
    }

    /** The minutes of a meeting as a PDF file. */
    @FunctionalInterface
    interface MinutesPdf {
        byte[] pdf(long meetingId);
    }

    private static Component minutes(ViewContext context, Council council, ResidentDirectory residents,
            Optional<MinutesPdf> pdf) {
        VerticalLayout screen = new VerticalLayout();
        screen.setMaxWidth(Screens.CONTENT_WIDTH);
        screen.add(Screens.backButton("minutes-back", context.text("deliberation.back"),
                () -> context.navigate(MEETING + Screens.idFromPath(context).map(id -> "/" + id).orElse(""))));
        var id = Screens.idFromPath(context).filter(m -> council.meeting(m).isPresent());
        if (id.isEmpty()) {
            screen.add(Screens.text("deliberation-meeting-missing", context.text("deliberation.meeting.missing")));
            return screen;
        }
        pdf.ifPresent(p -> screen.add(Screens.pdfLink("minutes-pdf", context, id.get(), p)));
        Pre text = new Pre(Minutes.text(context, council, residents, id.get()));
        text.setId("minutes-text");
        text.getStyle().set("white-space", "pre-wrap").set("font-size", Screens.TEXT_SIZE);
        screen.add(text);
        return screen;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "deliberation.title";
    }

    @Override
    public String descriptionKey() {
        return "deliberation.description";
    }

    @Override
    public String icon() {
        return "vaadin:group";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Audience audience() {
        return Audience.PUBLIC;
    }

    @Override
    public List<PluginView> views() {
        return views;
    }
}
