package org.groundwatergateway.ingest.bulk;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * How a CSV layout other than the platform's maps onto its columns: for each platform column (well,
 * parameter, time, value, …) the file's header, and how the file writes times.
 *
 * @param timeFormat a {@link DateTimeFormatter} pattern, e.g. {@code yyyy/M/d H:mm}; null for ISO-8601 with offset
 * @param zone the offset of times written without one, e.g. {@code +08:00}
 */
public record ImportTemplate(String name, Map<String, String> columns, String timeFormat, String zone) {

    public ImportTemplate {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) throw new IllegalArgumentException("name: 1 to 64 letters, digits, '-' or '_'");
        if (columns == null || columns.isEmpty()) throw new IllegalArgumentException("columns: map at least one platform column to a header");
        if (timeFormat != null) {
            try {
                DateTimeFormatter.ofPattern(timeFormat);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("timeFormat: " + e.getMessage());
            }
            if (zone == null) throw new IllegalArgumentException("zone: a time format without offset needs a zone, e.g. +08:00");
        }
        if (zone != null) {
            try {
                ZoneOffset.of(zone);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("zone: '" + zone + "' is not an offset like +08:00");
            }
        }
        columns = Map.copyOf(columns);
    }
}
