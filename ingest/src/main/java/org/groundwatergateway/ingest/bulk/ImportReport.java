package org.groundwatergateway.ingest.bulk;

import java.util.List;

/**
 * The outcome of an import: how many rows there were, how many readings were stored (or were stored
 * already), and each refused row with the column and the reason.
 */
public record ImportReport(String mode, int rows, int stored, int alreadyStored, int rejectedRows, List<RowError> errors) {

    /** Whether the whole upload was refused: rows were wrong and nothing was stored (an answer of 422). */
    public boolean nothingStored() {
        return stored == 0 && alreadyStored == 0 && rejectedRows > 0;
    }

    /** A problem with one row; rows are numbered as in the file (the CSV header is row 1, a JSON array's first item row 1). */
    public record RowError(int row, String column, String reason) {}
}
