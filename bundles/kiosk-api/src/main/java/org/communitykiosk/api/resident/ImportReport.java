package org.communitykiosk.api.resident;

import java.util.List;

import org.communitykiosk.api.Problem;

/**
 * Outcome of a CSV import: either every row was imported, or none was and {@link #rejected()} lists why.
 *
 * @param imported rows written (0 when any row was rejected)
 * @param rejected every bad row with its problems; empty when the import succeeded
 */
public record ImportReport(int imported, List<RowProblem> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    public boolean succeeded() {
        return rejected.isEmpty();
    }

    /**
     * @param line line number in the file (the header is line 1)
     * @param problem what is wrong, as a translation key
     */
    public record RowProblem(int line, Problem problem) {
    }
}
