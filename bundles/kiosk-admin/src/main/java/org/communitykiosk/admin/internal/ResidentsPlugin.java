package org.communitykiosk.admin.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.communitykiosk.api.erasure.DemoResidents;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.ResidentCards;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.print.Printer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Staff console: the resident register. Every view is for staff; the shell refuses everyone else, whether they tap
 * the tile or type the address.
 * <p>
 * Views, below {@code /residents}:
 * <ul>
 * <li>{@code ""}: search and list, a page at a time</li>
 * <li>{@code edit}: a new resident; {@code edit/<id>}: change that resident</li>
 * <li>{@code import}: residents from a CSV file, all rows or none</li>
 * </ul>
 * Element ids, kept stable for browser tests:
 * <ul>
 * <li>list: {@code residents-search}, {@code residents-list} (the grid), {@code residents-empty},
 * {@code residents-total}, {@code resident-new}, {@code residents-import}, per row {@code resident-edit-<id>}; pager
 * {@code residents-prev}, {@code residents-page}, {@code residents-next}; back home {@code residents-home}</li>
 * <li>form: {@code resident-form}; fields {@code resident-form-name}, {@code -card}, {@code -phone},
 * {@code -building}, {@code -unit}, {@code -household}, {@code -birthdate}, {@code -pin}; {@code resident-save};
 * while the PIN is locked {@code resident-pin-lock} with {@code resident-pin-locked} and {@code resident-pin-unlock};
 * summary of problems {@code resident-form-error}; back to the list {@code resident-back}; an id that is not in the
 * register {@code resident-missing}; the resident's card: see {@link ResidentCardSection}</li>
 * <li>import: {@code import-upload}, {@code import-template} (download); while demo residents are in the register,
 * {@code import-demo} with {@code import-demo-ask}, {@code import-demo-confirm}, {@code import-demo-cancel};
 * while a file is imported {@code import-progress} and {@code import-progress-text}; {@code import-result},
 * {@code import-rejected} (the table of rejected rows), {@code import-more}; back to the list
 * {@code import-back}</li>
 * </ul>
 */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + ResidentsPlugin.ID)
public final class ResidentsPlugin implements KioskPlugin {

    static final String ID = "residents";
    static final String LIST = "";
    static final String EDIT = "edit";
    static final String IMPORT = "import";

    /** Imports run here, off the UI thread: hashing a large file's PINs takes minutes. One at a time. */
    private final ExecutorService importer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kiosk-resident-import");
        thread.setDaemon(true);
        return thread;
    });
    private final List<PluginView> views;
    // optional: without the print bundle a new card is shown, not printed
    private volatile Printer printer;

    @Activate
    public ResidentsPlugin(@Reference(name = "directory") ResidentDirectory directory,
            @Reference(name = "cards") ResidentCards cards,
            @Reference(name = "identification") Identification identification,
            @Reference(name = "clock") Clock clock, @Reference(name = "demo") DemoResidents demo,
            @Reference(name = "transactions") Transactions transactions) {
        this.views = List.of(
                new PluginView(LIST, Audience.STAFF,
                        context -> new ResidentListView(context, directory, identification)),
                new PluginView(EDIT, Audience.STAFF, context -> new ResidentForm(context, directory, cards,
                        identification, () -> printer, LocalDate.now(clock.withZone(context.zone())))),
                new PluginView(IMPORT, Audience.STAFF, context -> new ResidentImportView(context, directory, demo,
                        transactions, importer)));
    }

    @Deactivate
    void deactivate() {
        importer.shutdown();
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
        return "admin.residents.title";
    }

    @Override
    public String descriptionKey() {
        return "admin.residents.description";
    }

    @Override
    public String icon() {
        return "vaadin:users";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public Audience audience() {
        return Audience.STAFF;
    }

    @Override
    public List<PluginView> views() {
        return views;
    }
}
