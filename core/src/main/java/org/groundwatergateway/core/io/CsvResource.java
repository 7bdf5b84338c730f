package org.groundwatergateway.core.io;

import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a UTF-8 CSV table with a header row from the class path: the reference and configuration tables. */
public final class CsvResource {

    private CsvResource() {}

    /** The rows of {@code path} (e.g. {@code /reference/gbt14848_limits.csv}) as column name to value. */
    public static List<Map<String, String>> rows(String path) {
        InputStream stream = CsvResource.class.getResourceAsStream(path);
        if (stream == null) throw new IllegalStateException("missing class-path resource " + path);
        try (var reader = new CSVReaderHeaderAware(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<Map<String, String>> rows = new ArrayList<>();
            Map<String, String> row;
            while ((row = reader.readMap()) != null) rows.add(row);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvValidationException e) {
            throw new IllegalStateException(path + " line " + e.getLineNumber() + ": " + e.getMessage(), e);
        }
    }

    /** A number from a cell; blank is null. */
    public static Double number(Map<String, String> row, String column) {
        String text = row.get(column);
        return text == null || text.isBlank() ? null : Double.valueOf(text.trim());
    }
}
