/**
 * The one place that owns transactions and schema migrations; plugins use it instead of raw DataSources.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.communitykiosk.api.store;
