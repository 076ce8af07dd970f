/**
 * The points ledger (志愿积分) for other plugins: balances, statements, and spending, refunding and transferring
 * points, each inside the caller's transaction. See {@link org.communitykiosk.points.api.Ledger}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.communitykiosk.points.api;
