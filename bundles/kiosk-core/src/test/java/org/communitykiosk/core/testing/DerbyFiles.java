package org.communitykiosk.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * File-based Derby databases for benchmarks and crash tests, which need what the in-memory {@link TestDatabase}
 * cannot give: commits forced to disk, and a database that outlives a process.
 */
public final class DerbyFiles {

    private DerbyFiles() {
    }

    /** A data source for the database in this directory, created on first connection if it does not exist. */
    public static EmbeddedDataSource dataSource(Path path) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(path.toString());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    /** {@link #dataSource} with the database created now. */
    public static EmbeddedDataSource create(Path path) throws SQLException {
        EmbeddedDataSource dataSource = dataSource(path);
        try (Connection ignored = dataSource.getConnection()) {
            return dataSource;
        }
    }

    /** Shuts the database down cleanly; nothing happens to one that was never booted in this JVM. */
    public static void shutdown(Path path) {
        EmbeddedDataSource stop = new EmbeddedDataSource();
        stop.setDatabaseName(path.toString());
        stop.setShutdownDatabase("shutdown");
        try (Connection ignored = stop.getConnection()) {
            // not reached: Derby reports a shutdown as an exception
        } catch (SQLException expected) {
            // 08006: database shut down (XJ004 when it was not booted)
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
