package org.communitykiosk.bloodpressure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.bloodpressure.device.BloodPressureMonitor;
import org.communitykiosk.print.Printer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The blood-pressure station (血压测量站): a resident (or a volunteer with the resident's card) measures blood pressure
 * by the ESH protocol with a monitor or enters it by hand; the reading is classified by the station's guideline and
 * kept; staff follow up alerts and absences.
 * <p>
 * Settings: PID {@value StationConfig#PID} ({@link StationConfig}). The monitor is the {@link BloodPressureMonitor}
 * service whose {@value BloodPressureMonitor#DRIVER} property equals the {@code driver} setting; without one, manual
 * entry only.
 * <p>
 * Views, below {@code /bloodpressure}:
 * <ul>
 * <li>{@code ""} (resident): measure; staff without a resident signed in are asked to tap the resident's card</li>
 * <li>{@code history} (resident): the signed-in resident's last 3 months; staff: {@code history/<resident id>}</li>
 * <li>{@code alerts} (staff): crisis readings and three hypertensive readings in a row, acknowledge with a note</li>
 * <li>{@code absent} (staff): regular visitors not seen for 2 weeks</li>
 * <li>{@code stats} (staff): residents measured per day</li>
 * </ul>
 * Element ids, kept stable for browser tests:
 * <ul>
 * <li>measure: {@code bp-measure}; staff links {@code bp-link-alerts}, {@code bp-link-absent}, {@code bp-link-stats};
 * {@code bp-tap-card} (card prompt); {@code bp-resident}; {@code bp-start}; {@code bp-manual-open}; the monitor in use
 * by another session {@code bp-monitor-busy}, {@code bp-busy-retry}, {@code bp-busy-back};
 * {@code bp-history-link}; rest {@code bp-rest}, {@code bp-rest-remaining}, {@code bp-rest-skip}; measuring
 * {@code bp-measuring}; pause {@code bp-pause}, {@code bp-pause-remaining}, {@code bp-pause-skip}; repeat
 * {@code bp-repeat}, {@code bp-repeat-start}; device fault {@code bp-device-error}, {@code bp-retry}; refused or
 * failed save {@code bp-refused}; result {@code bp-result}, {@code bp-result-category}, {@code bp-result-values},
 * {@code bp-result-advice}, {@code bp-done}; crisis {@code bp-crisis}, {@code bp-crisis-heading} (with the result
 * panel below it)</li>
 * <li>manual entry: {@code bp-manual}; value boxes {@code bp-manual-systolic}, {@code bp-manual-diastolic},
 * {@code bp-manual-pulse}; keys {@code bp-key-0} ... {@code bp-key-9}, {@code bp-key-clear}, {@code bp-key-back};
 * {@code bp-manual-save}; {@code bp-manual-error}; {@code bp-manual-cancel}</li>
 * <li>history: {@code bp-history}, {@code bp-history-back}, {@code bp-history-none}, {@code bp-history-empty},
 * {@code bp-chart} with {@code bp-bar-<reading id>}; ranges {@code bp-range-14}, {@code bp-range-30},
 * {@code bp-range-90}; {@code bp-averages} with {@code bp-average}, {@code bp-average-morning},
 * {@code bp-average-evening}; {@code bp-history-list} with {@code bp-reading-<reading id>}; with a printer and
 * readings: {@code bp-print-card} (button: the card in the shell's printout dialog) or {@code bp-print-error}; staff
 * only: {@code bp-export} with {@code bp-export-from}, {@code bp-export-to} (date pickers), {@code bp-export-make},
 * {@code bp-export-error}, then {@code bp-export-count}, {@code bp-export-csv} (button: the shell's export dialog, to a
 * removable medium staff choose) and, with a printer, {@code bp-export-pdf-make} (button: the printout dialog) or
 * {@code bp-export-pdf-error}</li>
 * <li>alerts: {@code bp-alerts}, {@code bp-alerts-back}, {@code bp-alerts-empty}; per alert {@code bp-alert-<id>},
 * {@code bp-alert-note-<id>}, {@code bp-alert-ack-<id>}</li>
 * <li>absent: {@code bp-absent}, {@code bp-absent-back}, {@code bp-absent-empty}, {@code bp-absent-<resident id>}</li>
 * <li>stats: {@code bp-stats}, {@code bp-stats-back}, {@code bp-stats-total}, {@code bp-stats-<yyyy-mm-dd>}</li>
 * </ul>
 */
@Component(service = KioskPlugin.class, configurationPid = StationConfig.PID,
        property = KioskPlugin.PLUGIN_ID + "=" + BloodPressurePlugin.ID)
@Designate(ocd = StationConfig.class)
public final class BloodPressurePlugin implements KioskPlugin {

    static final String ID = "bloodpressure";

    static final String MEASURE = "";
    static final String HISTORY = "history";
    static final String ALERTS = "alerts";
    static final String ABSENT = "absent";
    static final String STATS = "stats";

    private final List<PluginView> views;
    private final List<BloodPressureMonitor> monitors = new CopyOnWriteArrayList<>();
    private volatile StationConfig config;
    // optional: without the print bundle the history offers no printout (CSV export still works)
    private volatile Printer printer;

    @Activate
    public BloodPressurePlugin(@Reference(name = "store") ReadingStore store, @Reference(name = "clock") Clock clock,
            @Reference(name = "identification") Identification identification,
            @Reference(name = "residents") ResidentDirectory residents, StationConfig config) {
        this.config = config;
        // one monitor for every session of the kiosk, lent to one screen at a time
        MonitorDesk desk = new MonitorDesk(this::monitor, clock);
        this.views = List.of(
                new PluginView(MEASURE, Audience.RESIDENT, context -> new MeasureView(context, store, identification,
                        clock, Station.of(this.config), desk)),
                new PluginView(HISTORY, Audience.RESIDENT,
                        context -> new HistoryView(context, store, residents, today(clock, context),
                                Station.of(this.config).guideline(), printer)),
                new PluginView(ALERTS, Audience.STAFF,
                        context -> new AlertsView(context, store, residents, today(clock, context))),
                new PluginView(ABSENT, Audience.STAFF,
                        context -> new AbsentView(context, store, residents, today(clock, context))),
                new PluginView(STATS, Audience.STAFF, context -> new StatsView(context, store, today(clock, context))));
    }

    @Modified
    void modified(StationConfig changed) {
        this.config = changed;
    }

    @Reference(name = "monitor", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMonitor(BloodPressureMonitor monitor) {
        monitors.add(monitor);
    }

    void removeMonitor(BloodPressureMonitor monitor) {
        monitors.remove(monitor);
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

    /** The monitor of the configured driver, if one is registered. */
    Optional<BloodPressureMonitor> monitor() {
        String driver = config.driver() == null ? "" : config.driver().strip();
        return monitors.stream().filter(m -> driver.equals(m.driver())).findFirst();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "bloodpressure.title";
    }

    @Override
    public String descriptionKey() {
        return "bloodpressure.description";
    }

    @Override
    public String icon() {
        return "vaadin:heart";
    }

    @Override
    public int order() {
        return 50;
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
