package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.backup.BackupHold;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups of the kiosk database into dated folders {@code <root>/<yyyyMMdd-HHmmss>} (root
 * {@code ${karaf.data}/backups}), in the community's time zone; one at a time; audited as {@value #AUDIT_ACTION}.
 * A component of this bundle only (not exported): used by the backup screen and the {@code kiosk:backup} command.
 */
@Component(service = Backups.class)
public final class Backups {

    static final String AUDIT_ACTION = "backup.start";
    static final DateTimeFormatter FOLDER_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("\\d{8}-\\d{6}(-\\d+)?");
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    /** A backup folder and when it was started (in the community's time zone). */
    public record Backup(String name, Path folder, LocalDateTime startedAt) {
    }

    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final Path root;
    private final ReentrantLock busy = new ReentrantLock();
    /** What plugins say must not be copied now (a vote in progress); asked before every backup. */
    @Reference(service = BackupHold.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    final List<BackupHold> holds = new CopyOnWriteArrayList<>();

    @Activate
    public Backups(@Reference(name = "transactions") Transactions transactions,
            @Reference(name = "audit") AuditLog audit, @Reference(name = "clock") Clock clock) {
        this(transactions, audit, clock, BackupPlugin.backupRoot());
    }

    Backups(Transactions transactions, AuditLog audit, Clock clock, Path root) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A new folder for a backup started now; a second backup within the same second gets a suffix. */
    static Path folderFor(Path root, LocalDateTime now) {
        String name = FOLDER_NAME.format(now);
        Path folder = root.resolve(name);
        for (int n = 2; Files.exists(folder); n++) {
            folder = root.resolve(name + "-" + n);
        }
        return folder;
    }

    /** Existing backups, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String name = folder.getFileName().toString();
                if (NAME.matcher(name).matches()) {
                    startedAt(name).ifPresent(at -> backups.add(new Backup(name, folder, at)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the backup folder cannot be read: " + root, e);
        }
        backups.sort(Comparator.comparing(Backup::startedAt).thenComparing(Backup::name).reversed());
        return backups;
    }

    static Optional<LocalDateTime> startedAt(String name) {
        try {
            return Optional.of(LocalDateTime.parse(name.substring(0, 15), FOLDER_NAME));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * Backs the database up now (blocks for as long as Derby copies: call it off the UI thread).
     *
     * @param locale the language of a hold's reason
     * @throws InvalidInputException {@code backup.error.held} (a plugin's {@link BackupHold}),
     *         {@code backup.error.busy}, {@code backup.error.notDerby} or {@code backup.error.failed}; audited either
     *         way
     */
    public Backup start(Actor actor, ZoneId zone, Locale locale) {
        for (BackupHold hold : holds) {
            Optional<String> reason = hold.reason(locale);
            if (reason.isPresent()) {
                audit.record(actor, AUDIT_ACTION, "backup", "refused: held by " + hold.getClass().getSimpleName());
                throw InvalidInputException.of(null, "backup.error.held", reason.get());
            }
        }
        if (!busy.tryLock()) {
            throw InvalidInputException.of(null, "backup.error.busy");
        }
        try {
            LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
            Path folder;
            try {
                Files.createDirectories(root);
                folder = folderFor(root, now);
            } catch (IOException e) {
                LOG.error("cannot create the backup folder under {}", root, e);
                audit.record(actor, AUDIT_ACTION, "backup", "failed: " + e.getClass().getSimpleName());
                throw InvalidInputException.of(null, "backup.error.failed");
            }
            String name = folder.getFileName().toString();
            boolean done;
            try {
                done = DerbyBackup.backup(transactions, folder);
            } catch (StoreException | IllegalStateException e) {
                LOG.error("backup into {} failed", folder, e);
                audit.record(actor, AUDIT_ACTION, "backup:" + name, "failed: " + e.getClass().getSimpleName());
                throw InvalidInputException.of(null, "backup.error.failed");
            }
            if (!done) {
                audit.record(actor, AUDIT_ACTION, "backup", "refused: not Derby");
                throw InvalidInputException.of(null, "backup.error.notDerby");
            }
            audit.record(actor, AUDIT_ACTION, "backup:" + name, "ok");
            LOG.info("database backed up into {}", folder);
            return new Backup(name, folder, now);
        } finally {
            busy.unlock();
        }
    }
}
