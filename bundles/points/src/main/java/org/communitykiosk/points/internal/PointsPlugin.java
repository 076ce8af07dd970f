package org.communitykiosk.points.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.points.api.Ledger;
import org.communitykiosk.print.Printer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Points for services (志愿积分): volunteers log service hours, staff or the resident served confirm them, confirmed
 * hours earn points on the ledger, which residents see, transfer within their household or donate, and the love
 * market spends through {@link Ledger}.
 * <p>
 * Views, below {@code /points}:
 * <ul>
 * <li>{@code ""} (resident): balance, hours this year and overall, milestones, board opt-out, buttons</li>
 * <li>{@code log} (resident): log hours; then "confirm by the card of the person served" or "staff will confirm"</li>
 * <li>{@code statement} (resident): the resident's statement, newest first, 10 a page</li>
 * <li>{@code transfer} (resident): give points to a household member or donate them to the community pool</li>
 * <li>{@code needs} (resident): needs (精准对接): post one, cancel, confirm "done" (credits the volunteer); accept
 * another resident's open need</li>
 * <li>{@code queue} (staff): pending entries: confirm, reject with a reason, confirm the ticked ones</li>
 * <li>{@code board} (public): this month's volunteer board (志愿之星), names masked</li>
 * <li>{@code team} (staff): a team activity logged and confirmed once for many volunteers (cards or search)</li>
 * <li>{@code report} (staff), {@code report/<year>}: confirmed hours and points per month and category, CSV</li>
 * </ul>
 * Element ids, kept stable for browser tests:
 * <ul>
 * <li>home: {@code points-home}; {@code points-balance}, {@code points-hours-year}, {@code points-hours-total},
 * {@code points-milestones} (each reached milestone {@code points-milestone-<hours>}), {@code points-board-optout}
 * (checkbox); buttons {@code points-log-link}, {@code points-statement-link}, {@code points-transfer-link},
 * {@code points-needs-link}, {@code points-board-link}, staff only {@code points-queue-link} and
 * {@code points-report-link}; without a resident: {@code points-no-resident}</li>
 * <li>log: {@code points-log}; fields {@code points-log-category}, {@code points-log-date}, {@code points-log-start},
 * {@code points-log-minutes}, {@code points-log-place}; {@code points-log-submit} (staff confirm later),
 * {@code points-log-by-card} (the person served confirms by card), {@code points-log-error}; after submitting:
 * {@code points-log-done}; waiting for the served person's card: {@code points-log-tap} with
 * {@code points-log-tap-cancel}; confirmed: {@code points-log-confirmed}; back {@code points-log-back}</li>
 * <li>statement: {@code points-statement}; lines {@code points-line-<posting id>}; {@code points-statement-prev},
 * {@code points-statement-next}, {@code points-statement-page}, empty {@code points-statement-empty}; back
 * {@code points-statement-back}</li>
 * <li>transfer: {@code points-transfer}; {@code points-transfer-balance}, {@code points-transfer-member} (select),
 * {@code points-transfer-points}, {@code points-transfer-submit}, {@code points-donate-submit},
 * {@code points-transfer-error}, {@code points-transfer-done}; back {@code points-transfer-back}</li>
 * <li>needs: {@code points-needs}; {@code points-need-category}, {@code points-need-text}, {@code points-need-post},
 * {@code points-need-error}; per need {@code points-need-<id>} with {@code points-need-accept-<id>},
 * {@code points-need-cancel-<id>}, {@code points-need-minutes-<id>}, {@code points-need-done-<id>}; empty lists
 * {@code points-needs-mine-empty}, {@code points-needs-open-empty}; back {@code points-needs-back}</li>
 * <li>queue: {@code points-queue}; per entry {@code points-entry-<id>}, {@code points-entry-select-<id>} (checkbox),
 * {@code points-entry-confirm-<id>}, {@code points-entry-reason-<id>}, {@code points-entry-reject-<id>};
 * {@code points-queue-confirm-selected}, {@code points-queue-team-link}, {@code points-queue-empty},
 * {@code points-queue-error}; back
 * {@code points-queue-back}</li>
 * <li>team: {@code points-team}; fields {@code points-team-category}, {@code points-team-date},
 * {@code points-team-start}, {@code points-team-minutes}, {@code points-team-place}, {@code points-team-search};
 * search hits {@code points-team-add-<resident id>}; {@code points-team-members} with
 * {@code points-team-member-<id>} and {@code points-team-remove-<id>}, none yet {@code points-team-none};
 * {@code points-team-submit}; per volunteer {@code points-team-result-<id>}; {@code points-team-error}; back (to the
 * queue) {@code points-team-back}; card taps add volunteers</li>
 * <li>board: {@code points-board}; rows {@code points-board-<rank>}; empty {@code points-board-empty}; back (for a
 * signed-in resident) {@code points-board-back}</li>
 * <li>statement printout (only while a {@link Printer} is registered): {@code points-statement-print} (button),
 * showing the PDF in the shell's printout dialog, or {@code points-statement-print-error}</li>
 * <li>report: {@code points-report}; rows {@code points-report-<yyyy-MM>-<category>}, {@code points-report-total},
 * {@code points-report-empty}, CSV link {@code points-report-csv}, {@code points-report-prev},
 * {@code points-report-next}; back {@code points-report-back}</li>
 * </ul>
 */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + PointsPlugin.ID)
public final class PointsPlugin implements KioskPlugin {

    static final String ID = "points";

    static final String HOME = "";
    static final String LOG = "log";
    static final String STATEMENT = "statement";
    static final String TRANSFER = "transfer";
    static final String QUEUE = "queue";
    static final String BOARD = "board";
    static final String REPORT = "report";
    static final String TEAM = "team";
    static final String NEEDS = "needs";

    private final List<PluginView> views;
    // optional: the plugin works without the print bundle, the statement then offers no printout
    private volatile Printer printer;

    @Activate
    public PointsPlugin(@Reference(name = "ledger") Ledger ledger, @Reference(name = "hours") ServiceHours hours,
            @Reference(name = "residents") ResidentDirectory residents,
            @Reference(name = "identification") Identification identification,
            @Reference(name = "clock") Clock clock, @Reference(name = "needs") JdbcNeeds needs) {
        this.views = List.of(
                new PluginView(HOME, Audience.RESIDENT,
                        context -> new HomeView(context, ledger, hours, today(clock, context))),
                new PluginView(LOG, Audience.RESIDENT,
                        context -> new LogView(context, hours, identification, today(clock, context))),
                new PluginView(STATEMENT, Audience.RESIDENT, context -> new StatementView(context, ledger, hours,
                        residents, today(clock, context), printer)),
                new PluginView(TRANSFER, Audience.RESIDENT,
                        context -> new TransferView(context, ledger, residents)),
                new PluginView(NEEDS, Audience.RESIDENT,
                        context -> new NeedsView(context, needs, hours, residents, clock.withZone(context.zone()))),
                new PluginView(QUEUE, Audience.STAFF, context -> new QueueView(context, hours, residents)),
                new PluginView(BOARD, Audience.PUBLIC,
                        context -> new BoardView(context, hours, today(clock, context))),
                new PluginView(TEAM, Audience.STAFF,
                        context -> new TeamView(context, hours, residents, identification, today(clock, context))),
                new PluginView(REPORT, Audience.STAFF,
                        context -> new ReportView(context, hours, today(clock, context))));
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

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "points.title";
    }

    @Override
    public String descriptionKey() {
        return "points.description";
    }

    @Override
    public String icon() {
        return "vaadin:handshake";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Audience audience() {
        return Audience.RESIDENT;
    }

    @Override
    public List<PluginView> views() {
        return views;
    }

    private static LocalDate today(Clock clock, ViewContext context) {
        return LocalDate.now(clock.withZone(context.zone()));
    }
}
