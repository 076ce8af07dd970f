package org.communitykiosk.api.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Applies a bundle's schema steps that are not applied yet, in version order, each in its own transaction, and
 * records them in {@code kiosk_schema_version}. Call it from the activator of the component that owns the tables;
 * concurrent callers for the same owner are serialised. Uninstalling a plugin keeps its tables and data.
 */
@ProviderType
public interface SchemaMigrations {

    /** @return the owner's schema version afterwards */
    int migrate(String owner, List<Migration> steps);
}
