package org.groundwatergateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.quality.DataQuality;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.OpenAccessPolicy;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.published.PublishedDatasets;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.groundwatergateway.policies.sharing.SharingPolicy;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What a harvester reads beyond the datasets themselves: the pages of a catalog, the datasets' DQV quality measurements
 * and their links to the things they are about, all still conforming to DCAT-AP 3.
 */
class CatalogHarvestTest {

    private static final String ROOT = "https://gw.example.cn";
    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final CatalogSettings SETTINGS = new CatalogSettings("示范园区管委会", "Demo park administration", "gis@example.org",
            "http://creativecommons.org/licenses/by/4.0/");
    private static final Viewer REGULATOR = new Viewer("regulator", Set.of(Role.REGULATOR), "HB-EEB", OrganisationKind.PROVINCIAL_REGULATOR);
    private static final AccessPolicy SHIPPED_DEFAULT = new SharingPolicy(2, SharingPolicies.shipped("default"));
    private static final int SPIKE = QualityFlag.bits(EnumSet.of(QualityFlag.SPIKE));

    private static final CatalogFacts FACTS = new CatalogFacts() {
        @Override
        public List<ParkArea> parks() {
            GeometryFactory geometry = new GeometryFactory();
            return List.of(new ParkArea("HBDP", "示范化工园区", "Demo chemical park", geometry.createPolygon(new Coordinate[] {
                    new Coordinate(116.0, 38.0), new Coordinate(116.1, 38.0), new Coordinate(116.1, 38.1), new Coordinate(116.0, 38.1),
                    new Coordinate(116.0, 38.0)})));
        }

        @Override
        public List<Member> wellsWithDatastreams() {
            List<Member> wells = new ArrayList<>();
            for (int i = 1; i <= 9; i++) wells.add(new Member(i, "MW-0" + i, i + "号监测井", "MW-0" + i));
            return wells;
        }

        @Override
        public List<Member> parametersWithDatastreams() {
            return List.of(new Member(7, "benzene", "苯", "Benzene"), new Member(9, "ph", "pH", "pH"));
        }

        @Override
        public Optional<Period> period(String datasetId) {
            return Optional.of(new Period(Instant.parse("2026-01-01T00:00:00Z"), NOW.minus(Duration.ofHours(1))));
        }
    };

    /**
     * Two datastreams at MW-01 (benzene: 90 of 100 expected, 6 of them spikes; pH: 20 of 20, none flagged) and one at MW-02
     * (benzene: 10 of 50, 4 spikes); a laboratory series at MW-03 expects none.
     */
    private static final List<DataQuality.Stream> STREAMS = List.of(
            new DataQuality.Stream(1, "MW-01-benzene", "MW-01", "benzene", "MN01", 60, 100, Map.of(0, 84L, SPIKE, 6L)),
            new DataQuality.Stream(2, "MW-01-ph", "MW-01", "ph", "MN01", 60, 20, Map.of(0, 20L)),
            new DataQuality.Stream(3, "MW-02-benzene", "MW-02", "benzene", "MN02", 60, 50, Map.of(0, 6L, SPIKE, 4L)),
            new DataQuality.Stream(4, "MW-03-benzene-lab", "MW-03", "benzene", null, 0, 0, Map.of(0, 3L)));

    private final AtomicReference<Instant[]> counted = new AtomicReference<>();

    private DcatCatalog catalog(AccessPolicy policy) {
        QualityMeasurements quality = new QualityMeasurements((from, to) -> {
            counted.set(new Instant[] {from, to});
            return new DataQuality.Period(from, to, STREAMS);
        }, policy, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(7));
        return new DcatCatalog(PublishedDatasets.shipped(), policy, FACTS, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO,
                List.of(new MemberLinks(), quality));
    }

    @Test
    void thePagesWalkTheWholeCatalogOnceEachConformingToDcatAp3() {
        Model full = catalog(new OpenAccessPolicy()).describe(REGULATOR, ROOT);
        Set<String> all = identifiers(full);
        assertThat(all).hasSizeGreaterThan(20);
        List<String> walked = new ArrayList<>();
        String next = CatalogPage.uri(ROOT + "/catalog", 1, 7);
        int pages = 0;
        while (next != null) {
            int page = Integer.parseInt(next.replaceAll(".*[?&]page=(\\d+).*", "$1"));
            CatalogPage shown = CatalogPage.of(full, ROOT + "/catalog", page, 7);
            pages++;
            ValidationReport report = DcatApShapes.validate(shown.model().getGraph());
            assertThat(DcatApShapes.violations(report)).as("page " + page + ":\n" + DcatApShapes.describe(report)).isZero();
            Set<String> here = identifiers(shown.model());
            assertThat(here.size()).isBetween(1, 7);
            walked.addAll(here);
            Resource view = shown.model().getResource(ROOT + "/catalog").getPropertyResourceValue(LinkedVocabulary.view);
            assertThat(view.getURI()).isEqualTo(CatalogPage.uri(ROOT + "/catalog", page, 7));
            assertThat(view.getPropertyResourceValue(LinkedVocabulary.last).getURI()).isEqualTo(CatalogPage.uri(ROOT + "/catalog", shown.lastPage(), 7));
            assertThat(shown.model().getResource(ROOT + "/catalog").getProperty(LinkedVocabulary.totalItems).getLong()).isEqualTo(all.size());
            // A data service names only the datasets on its page.
            for (RDFNode served : shown.model().listObjectsOfProperty(Vocabulary.servesDataset).toList()) {
                assertThat(here).contains(served.asResource().getProperty(DCTerms.identifier).getString());
            }
            Resource following = view.getPropertyResourceValue(LinkedVocabulary.next);
            next = following == null ? null : following.getURI();
        }
        assertThat(pages).isEqualTo((all.size() + 6) / 7);
        assertThat(walked).doesNotHaveDuplicates();
        assertThat(new HashSet<>(walked)).isEqualTo(all);

        CatalogPage one = CatalogPage.of(full, ROOT + "/catalog", 1, 500);
        assertThat(one.lastPage()).isEqualTo(1);
        assertThat(one.model().getResource(ROOT + "/catalog").getPropertyResourceValue(LinkedVocabulary.view).hasProperty(LinkedVocabulary.next)).isFalse();
        assertThat(identifiers(one.model())).isEqualTo(all);
        int beyond = pages + 1;
        assertThatThrownBy(() -> CatalogPage.of(full, ROOT + "/catalog", beyond, 7)).isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "page");
        assertThatThrownBy(() -> CatalogPage.of(full, ROOT + "/catalog", 1, 0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> CatalogPage.of(full, ROOT + "/catalog", 1, 1001)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void datasetsHoldingReadingsCarryTheirCompletenessAndFlagRateOverTheStatedPeriod() {
        Model model = catalog(SHIPPED_DEFAULT).describe(REGULATOR, ROOT);
        ValidationReport report = DcatApShapes.validate(model.getGraph());
        assertThat(DcatApShapes.violations(report)).as(DcatApShapes.describe(report)).isZero();
        assertThat(counted.get()).containsExactly(NOW.minus(Duration.ofDays(7)), NOW);

        // MW-01: (90 + 20) of (100 + 20) expected; 6 of 110 stored flagged.
        assertThat(measurement(model, "datastreams_by_well/MW-01", "completeness")).isCloseTo(110.0 / 120, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(measurement(model, "datastreams_by_well/MW-01", "flag-rate")).isCloseTo(6.0 / 110, org.assertj.core.data.Offset.offset(1e-12));
        // Benzene everywhere: (90 + 10) of 150 expected (the lab series expects none); 10 of 103 stored flagged.
        assertThat(measurement(model, "datastreams_by_parameter/benzene", "completeness")).isCloseTo(100.0 / 150, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(measurement(model, "datastreams_by_parameter/benzene", "flag-rate")).isCloseTo(10.0 / 103, org.assertj.core.data.Offset.offset(1e-12));
        // A well with no readings has nothing measured; a dataset without readings neither.
        assertThat(model.getResource(ROOT + "/catalog/datasets/datastreams_by_well/MW-04").hasProperty(LinkedVocabulary.hasQualityMeasurement)).isFalse();
        assertThat(model.getResource(ROOT + "/catalog/datasets/wells").hasProperty(LinkedVocabulary.hasQualityMeasurement)).isFalse();

        Resource measurement = model.getResource(ROOT + "/catalog/datasets/latest_readings/quality/completeness");
        Resource metric = measurement.getPropertyResourceValue(LinkedVocabulary.isMeasurementOf);
        assertThat(metric.getURI()).isEqualTo(ROOT + "/catalog/id/metrics/completeness");
        assertThat(metric.listProperties(LinkedVocabulary.definition).toList()).hasSize(2);
        Resource period = measurement.getPropertyResourceValue(DCTerms.temporal);
        assertThat(period.getProperty(Vocabulary.startDate).getString()).isEqualTo(NOW.minus(Duration.ofDays(7)).toString());
        assertThat(period.getProperty(Vocabulary.endDate).getString()).isEqualTo(NOW.toString());
    }

    @Test
    void thePublicShownReadingsOnlyDelayedAndBucketedGetsNoCounts() {
        Model model = catalog(SHIPPED_DEFAULT).describe(Viewer.anonymous(), ROOT);
        assertThat(model.listSubjectsWithProperty(RDF.type, LinkedVocabulary.QualityMeasurement).toList()).isEmpty();
        assertThat(counted.get()).as("nothing was even counted").isNull();
        ValidationReport report = DcatApShapes.validate(model.getGraph());
        assertThat(DcatApShapes.violations(report)).as(DcatApShapes.describe(report)).isZero();
    }

    @Test
    void membersDatasetsLinkToTheirWellAndParameterConcept() {
        Model model = catalog(SHIPPED_DEFAULT).describe(Viewer.anonymous(), ROOT);
        Resource byWell = model.getResource(ROOT + "/catalog/datasets/datastreams_by_well/MW-01");
        assertThat(byWell.getPropertyResourceValue(DCTerms.relation).getURI()).isEqualTo(ROOT + "/catalog/id/wells/MW-01");
        Resource byParameter = model.getResource(ROOT + "/catalog/datasets/datastreams_by_parameter/benzene");
        assertThat(byParameter.listProperties(Vocabulary.theme).mapWith(s -> s.getResource().getURI()).toList())
                .contains(ROOT + "/catalog/id/parameters/benzene");
        assertThat(model.contains(model.getResource(ROOT + "/catalog"), Vocabulary.themeTaxonomy, model.getResource(ROOT + "/catalog/id/parameters"))).isTrue();
    }

    private static double measurement(Model model, String dataset, String metric) {
        Resource resource = model.getResource(ROOT + "/catalog/datasets/" + dataset);
        for (RDFNode node : model.listObjectsOfProperty(resource, LinkedVocabulary.hasQualityMeasurement).toList()) {
            Resource measurement = node.asResource();
            if (measurement.getPropertyResourceValue(LinkedVocabulary.isMeasurementOf).getURI().endsWith("/" + metric)) {
                return measurement.getProperty(LinkedVocabulary.dqvValue).getDouble();
            }
        }
        throw new AssertionError(dataset + " has no " + metric);
    }

    private static Set<String> identifiers(Model model) {
        Set<String> ids = new HashSet<>();
        model.listSubjectsWithProperty(RDF.type, Vocabulary.Dataset).forEach(d -> ids.add(d.getProperty(DCTerms.identifier).getString()));
        return ids;
    }
}
