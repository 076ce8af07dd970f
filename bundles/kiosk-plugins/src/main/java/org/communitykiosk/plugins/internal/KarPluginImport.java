package org.communitykiosk.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.karaf.kar.KarService;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditLog;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports plugin archives through Karaf's KarService (optional: Karaf's {@code kar} feature; without it the import
 * screen says the kiosk cannot import); Karaf keeps them under {@code data/kar}, across restarts. Only archives whose plugin features are {@code install="manual"} are accepted ({@link KarArchive}), so an import never
 * installs anything by itself. Import folders: {@code ${karaf.home}/import} and USB sticks mounted below
 * {@code /media} (up to three levels deep).
 */
@Component(service = PluginImport.class)
public final class KarPluginImport implements PluginImport {

    static final String AUDIT_ACTION = "plugins.import";

    private static final Logger LOG = LoggerFactory.getLogger(KarPluginImport.class);

    private final KarService karService;
    private final AuditLog audit;
    private final Supplier<Version> platform;
    private final List<Path> folders;

    @Activate
    public KarPluginImport(
            @Reference(name = "karService", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) KarService karService,
            @Reference(name = "audit") AuditLog audit) {
        this(karService, audit, KarafFeatureCatalog::pluginApiVersion,
                List.of(Path.of(System.getProperty("karaf.home", ".")).resolve("import"), Path.of("/media")));
    }

    KarPluginImport(KarService karService, AuditLog audit, Supplier<Version> platform, List<Path> folders) {
        this.karService = karService;
        this.audit = audit;
        this.platform = platform;
        this.folders = List.copyOf(folders);
    }

    @Override
    public boolean available() {
        return karService != null;
    }

    @Override
    public synchronized List<String> importArchive(Path file, String displayName, Actor actor) {
        String subject = "kar:" + displayName;
        KarArchive.Contents contents;
        try {
            contents = KarArchive.inspect(file, platform.get());
        } catch (InvalidInputException refused) {
            audit.record(actor, AUDIT_ACTION, subject, "refused: " + refused.problems().get(0).key());
            throw refused;
        }
        if (karService == null) {
            audit.record(actor, AUDIT_ACTION, subject, "refused: no KAR support");
            throw InvalidInputException.of(null, "plugins.kar.error.karaf", displayName);
        }
        try {
            karService.install(file.toUri(), false, false);
        } catch (Exception e) {
            LOG.warn("Karaf refused the plugin archive {}", displayName, e);
            audit.record(actor, AUDIT_ACTION, subject, "failed: " + e.getClass().getSimpleName());
            throw InvalidInputException.of(null, "plugins.kar.error.karaf", displayName);
        }
        audit.record(actor, AUDIT_ACTION, subject, "ok " + String.join(",", contents.pluginFeatures()));
        return contents.pluginFeatures();
    }

    @Override
    public List<Path> offered() {
        List<Path> found = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.find(folder, 4,
                    (path, attributes) -> attributes.isRegularFile() && path.toString().endsWith(".kar"))) {
                files.sorted().forEach(found::add);
            } catch (IOException | RuntimeException e) {
                LOG.debug("import folder {} cannot be read: {}", folder, e.toString());
            }
        }
        return found;
    }
}
