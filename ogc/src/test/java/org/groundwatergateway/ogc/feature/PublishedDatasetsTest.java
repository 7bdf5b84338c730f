package org.groundwatergateway.ogc.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.policies.sharing.Datasets;
import org.junit.jupiter.api.Test;

/** The sharing policy names the datasets the OGC services publish, so that a rule reaches every one of them. */
class PublishedDatasetsTest {

    @Test
    void everyFeatureTypeAndEntitySetIsADatasetOfTheSharingPolicy() {
        // A feature type is a dataset of its own, unless another dataset governs it (what partners share, through every door).
        assertThat(Datasets.ALL.stream().filter(d -> d.kind() == Datasets.Kind.FEATURE_TYPE).map(Datasets.Dataset::name))
                .containsExactlyElementsOf(PublishedFeatureTypes.ALL.stream().map(FeatureType::name)
                        .filter(name -> Datasets.find(name).isPresent()).toList());
        assertThat(PublishedFeatureTypes.ALL).allSatisfy(type -> assertThat(Datasets.find(type.dataset().governedBy())).isPresent());
        assertThat(PublishedFeatureTypes.FOREIGN_LATEST_READINGS.dataset().governedBy()).isEqualTo(Datasets.FOREIGN_OBSERVATIONS);
        assertThat(Datasets.ALL.stream().filter(d -> d.kind() == Datasets.Kind.ENTITY_SET).map(Datasets.Dataset::name))
                .containsExactlyElementsOf(Arrays.stream(EntityType.values()).map(EntityType::setName).toList());
    }
}
