package org.communitykiosk.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place that owns database transactions. Work runs in a transaction on the kiosk database: committed when it
 * returns, rolled back when it throws. Work started while the same thread is already inside a transaction joins it,
 * so services can be combined (a redemption and its points spending commit together). An outermost transaction that
 * loses a lock conflict or deadlock is rolled back and run again (a few times, with back-off): work must therefore
 * have no effects outside the database.
 */
@ProviderType
public interface Transactions {

    <T> T required(SqlWork<T> work);

    /** Whether the calling thread is inside a transaction. */
    boolean active();
}
