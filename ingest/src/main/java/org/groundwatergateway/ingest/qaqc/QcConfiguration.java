package org.groundwatergateway.ingest.qaqc;

import static org.groundwatergateway.core.io.CsvResource.number;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.io.CsvResource;

/** The QA/QC profiles and consistency rules shipped in {@code qaqc/}. */
public record QcConfiguration(Map<String, QcProfile> profiles, List<ConsistencyRule> consistencyRules) {

    public QcProfile profile(String parameter) {
        return profiles.getOrDefault(parameter, QcProfile.unchecked(parameter));
    }

    public static QcConfiguration load() {
        Map<String, QcProfile> profiles = new HashMap<>();
        for (Map<String, String> row : CsvResource.rows("/qaqc/profiles.csv")) {
            profiles.put(row.get("parameter"), new QcProfile(row.get("parameter"), number(row, "min"), number(row, "max"),
                    number(row, "max_rate_per_hour"), number(row, "flatline_floor"), number(row, "flatline_hours"),
                    number(row, "spike_sigmas"), number(row, "spike_min_deviation"), number(row, "dual_floor")));
        }
        List<ConsistencyRule> rules = new ArrayList<>();
        for (Map<String, String> row : CsvResource.rows("/qaqc/consistency.csv")) {
            rules.add(new ConsistencyRule(row.get("numerator"), row.get("denominator"), number(row, "min_ratio"),
                    number(row, "max_ratio")));
        }
        return new QcConfiguration(Map.copyOf(profiles), List.copyOf(rules));
    }
}
