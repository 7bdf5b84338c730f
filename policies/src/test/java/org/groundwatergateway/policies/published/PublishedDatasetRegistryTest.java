package org.groundwatergateway.policies.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedDatasetRegistryTest {

    private final PublishedDatasets shipped = PublishedDatasets.shipped();

    @Test
    void theShippedRegistryDeclaresEveryKindOfPublishedDataset() {
        assertThat(shipped.through(Door.WFS)).extracting(PublishedDataset::id).containsExactly("wells", "latest_readings", "plumes", "source_probabilities",
                "risk_zones", "enterprises", "receptors", "potential_sources", "roads", "network_coverage", "foreign_latest_readings");
        assertThat(shipped.through(Door.SENSORTHINGS)).extracting(PublishedDataset::groupedBy).containsExactly(Grouping.WELL, Grouping.PARAMETER);
        assertThat(shipped.through(Door.REPORT)).extracting(PublishedDataset::governedBy).containsExactly("risk_reports", "operations_reports");
    }

    @Test
    void everyDatasetHasBothLanguagesAndKeywordsInBoth() {
        for (PublishedDataset dataset : shipped.all()) {
            assertThat(dataset.keywords().zh()).as(dataset.id()).isNotEmpty();
            assertThat(dataset.keywords().en()).as(dataset.id()).isNotEmpty();
            assertThat(dataset.description().zh()).as(dataset.id()).isNotBlank();
        }
    }

    @Test
    void aDatasetGovernedByNoPolicyDatasetIsRefused() {
        PublishedDataset.Text text = new PublishedDataset.Text("井", "Wells");
        PublishedDataset.Keywords keywords = new PublishedDataset.Keywords(List.of("井"), List.of("well"));
        assertThatThrownBy(() -> new PublishedDataset("wells", text, text, keywords, SpatialForm.POINT, null, UpdateFrequency.DAILY, "ENVI",
                List.of(Door.WFS), "welz", null)).hasMessageContaining("welz");
    }

    @Test
    void aDatasetDeclaredTwiceIsRefused() {
        PublishedDataset wells = shipped.require("wells");
        assertThatThrownBy(() -> new PublishedDatasets(List.of(wells, wells))).hasMessageContaining("twice");
    }
}
