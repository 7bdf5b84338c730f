package org.groundwatergateway.policies.published;

import java.util.List;
import java.util.Set;
import org.groundwatergateway.policies.sharing.Datasets;

/**
 * One published dataset as declared in {@code published/datasets.json}.
 *
 * @param id               the name the doors publish it under (a WFS feature type, an OGC API collection, a catalog entry)
 * @param temporalProperty the property holding each item's time (WMS TIME, OGC API {@code datetime}); null if none
 * @param theme            the EU data theme code ({@code ENVI}, ...)
 * @param governedBy       the sharing policy's dataset whose disclosure decides what a viewer sees of it
 * @param groupedBy        null, or the group whose members each get a dataset of their own
 */
public record PublishedDataset(String id, Text title, Text description, Keywords keywords, SpatialForm geometry,
                               String temporalProperty, UpdateFrequency updateFrequency, String theme, List<Door> doors,
                               String governedBy, Grouping groupedBy) {

    /** A text in Chinese (first: the park's users read it) and English. */
    public record Text(String zh, String en) {
        public Text {
            if (zh == null || zh.isBlank() || en == null || en.isBlank()) throw new IllegalArgumentException("a text needs Chinese and English");
        }
    }

    public record Keywords(List<String> zh, List<String> en) {
        public Keywords {
            zh = List.copyOf(zh);
            en = List.copyOf(en);
        }
    }

    public PublishedDataset {
        if (id == null || !id.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("dataset id must be lower_snake_case: " + id);
        if (title == null || description == null || keywords == null || geometry == null || updateFrequency == null || theme == null) {
            throw new IllegalArgumentException(id + ": title, description, keywords, geometry, updateFrequency and theme are required");
        }
        doors = List.copyOf(doors);
        if (doors.isEmpty() || Set.copyOf(doors).size() != doors.size()) throw new IllegalArgumentException(id + ": doors must be listed once each, at least one");
        // A dataset governed by a name the policy does not know would be governed by nothing: refuse it at start-up.
        if (governedBy == null || Datasets.find(governedBy).isEmpty()) throw new IllegalArgumentException(id + ": governedBy names no policy dataset: " + governedBy);
    }

    public boolean publishedThrough(Door door) {
        return doors.contains(door);
    }
}
