package org.groundwatergateway.ingest.bulk;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.groundwatergateway.core.problem.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Import rows from a JSON array of objects or from CSV (OpenCSV), with column names mapped by a template. */
public final class ImportRows {

    /** One row: its number as in the file and its cells under the platform's column names. */
    public record Row(int number, Map<String, String> cells) {
        public String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportRows() {}

    /** The rows of a JSON array, at most {@code limits.maxRows()} of them. */
    public static List<Row> fromJson(InputStream body, UploadLimits limits) {
        JsonNode array;
        try {
            array = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInput("ingest.import.notJson", "body", e.getOriginalMessage());
        }
        if (!array.isArray()) throw new InvalidInput("ingest.import.notArray", "body");
        limits.checkRow(array.size());
        List<Row> rows = new ArrayList<>(array.size());
        int number = 0;
        for (JsonNode item : array) {
            number++;
            if (!item.isObject()) throw new InvalidInput("ingest.import.rowNotObject", "body", number);
            Map<String, String> cells = new HashMap<>();
            for (Entry<String, JsonNode> field : item.properties()) {
                cells.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asString());
            }
            rows.add(new Row(number, cells));
        }
        return rows;
    }

    /** CSV with a header row; with a template, its headers are translated to the platform's column names. */
    public static List<Row> fromCsv(InputStream body, ImportTemplate template, UploadLimits limits) {
        List<Row> rows = new ArrayList<>();
        csv(body, template, limits).forEach(rows::add);
        return rows;
    }

    /**
     * The same rows, read from the stream as they are iterated, once: a large upload is checked and stored while
     * the rest of it is still being read. A line OpenCSV cannot read ends the rows with an error, and so does the row
     * one beyond {@code limits.maxRows()} ({@link UploadTooLarge}).
     */
    public static Iterable<Row> csv(InputStream body, ImportTemplate template, UploadLimits limits) {
        return () -> new CsvRows(body, template, limits);
    }

    private static final class CsvRows implements java.util.Iterator<Row> {
        private final CSVReader csv;
        private final String[] columns;
        private final UploadLimits limits;
        private int rows;
        private Row next;
        /** Met while reading ahead: thrown when the rows before it have been taken, so none of them is lost. */
        private UploadTooLarge beyondLimit;

        CsvRows(InputStream body, ImportTemplate template, UploadLimits limits) {
            this.limits = limits;
            Map<String, String> headerToColumn = new HashMap<>();
            if (template != null) template.columns().forEach((column, header) -> headerToColumn.put(header, column));
            csv = new CSVReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String[] header = readLine();
            if (header == null) throw new InvalidInput("ingest.import.noHeader", "body");
            if (header.length > 0 && header[0].startsWith("\uFEFF")) header[0] = header[0].substring(1); // Excel's byte-order mark
            columns = new String[header.length];
            for (int i = 0; i < header.length; i++) {
                String name = header[i].trim();
                columns[i] = template == null ? name : headerToColumn.getOrDefault(name, name);
            }
            advance();
        }

        @Override
        public boolean hasNext() {
            if (beyondLimit != null) throw beyondLimit;
            return next != null;
        }

        @Override
        public Row next() {
            if (next == null) throw new java.util.NoSuchElementException();
            Row row = next;
            advance();
            return row;
        }

        private void advance() {
            try {
                readAhead();
            } catch (UploadTooLarge e) {
                next = null;
                beyondLimit = e;
            }
        }

        private void readAhead() {
            String[] line;
            do {
                line = readLine();
            } while (line != null && line.length == 1 && line[0].isBlank());
            if (line == null) {
                next = null;
                return;
            }
            limits.checkRow(++rows);
            Map<String, String> cells = new HashMap<>(columns.length * 2);
            for (int i = 0; i < Math.min(line.length, columns.length); i++) cells.put(columns[i], line[i]);
            next = new Row((int) csv.getLinesRead(), cells);
        }

        private String[] readLine() {
            long firstLine = csv.getLinesRead() + 1;
            try {
                return csv.readNext();
            } catch (CsvMalformedLineException e) {
                // OpenCSV reads a quoted field on to the end of the file looking for its closing quote, so its own line
                // number is the last line; the field was opened on the row that begins here.
                throw new InvalidInput("ingest.import.unclosedQuote", "body", firstLine);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (CsvValidationException e) {
                throw new InvalidInput("ingest.import.badLine", "body", e.getLineNumber(), e.getMessage());
            }
        }
    }
}
