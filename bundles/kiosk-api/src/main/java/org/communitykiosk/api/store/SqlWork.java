package org.communitykiosk.api.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work on a connection inside a transaction. Do not commit, roll back or close the connection.
 */
@ConsumerType
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
