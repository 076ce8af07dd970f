/**
 * The audit log: who did what and when, for every write that matters.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.communitykiosk.api.audit;
