package org.groundwatergateway.ingest.bulk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * The outcome of an import: how many rows there were, how many readings were stored (or were stored
 * already), and each refused row with the column and the reason.
 */
public record ImportReport(String mode, int rows, int stored, int alreadyStored, int rejectedRows, List<RowError> errors) {

    /** Whether the whole upload was refused: rows were wrong and nothing was stored (an answer of 422). */
    public boolean nothingStored() {
        return stored == 0 && alreadyStored == 0 && rejectedRows > 0;
    }

    /** The same report with every row's reason in {@code language}, for a reader who asked in it. */
    public ImportReport in(Locale language) {
        return new ImportReport(mode, rows, stored, alreadyStored, rejectedRows, errors.stream().map(e -> e.in(language)).toList());
    }

    /**
     * A problem with one row; rows are numbered as in the file (the CSV header is row 1, a JSON array's first item
     * row 1). The reason is told from the message catalogue, in English until {@link #in} tells it otherwise.
     */
    public record RowError(int row, String column, String reason, @JsonIgnore InvalidInput problem) {

        /** The problem's field is the column at fault. */
        public RowError(int row, InvalidInput problem) {
            this(row, problem.field(), problem.reason(Locale.ENGLISH), problem);
        }

        RowError in(Locale language) {
            return new RowError(row, column, problem.reason(language), problem);
        }
    }
}
