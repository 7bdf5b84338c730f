package org.groundwatergateway.ingest.bulk;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * How a CSV layout other than the platform's maps onto its columns: for each platform column (well,
 * parameter, time, value, …) the file's header, and how the file writes times.
 *
 * @param timeFormat a {@link DateTimeFormatter} pattern, e.g. {@code yyyy/M/d H:mm}; null for ISO-8601 with offset
 * @param zone the offset of times written without one, e.g. {@code +08:00}
 */
public record ImportTemplate(String name, Map<String, String> columns, String timeFormat, String zone) {

    public ImportTemplate {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) throw new InvalidInput("ingest.template.name", "name");
        if (columns == null || columns.isEmpty()) throw new InvalidInput("ingest.template.columns", "columns");
        if (timeFormat != null) {
            try {
                DateTimeFormatter.ofPattern(timeFormat);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("ingest.template.timeFormat", "timeFormat", e.getMessage());
            }
            if (zone == null) throw new InvalidInput("ingest.template.zoneRequired", "zone");
        }
        if (zone != null) {
            try {
                ZoneOffset.of(zone);
            } catch (RuntimeException e) {
                throw new InvalidInput("ingest.template.zone", "zone", zone);
            }
        }
        columns = Map.copyOf(columns);
    }
}
