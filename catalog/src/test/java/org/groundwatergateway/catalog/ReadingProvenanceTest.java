package org.groundwatergateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.Disclosure.BucketScheme;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A reading's provenance through the disclosure: the chain raw → flagged → corrected with the reviewer, the device and
 * the reason for a viewer shown everything; classes, a reviewer's role and nothing else for one shown the readings as
 * classes; not found (the same as a missing reading) where the readings door would show nothing.
 */
class ReadingProvenanceTest {

    private static final String ROOT = "https://gw.example.cn";
    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final Instant MEASURED = NOW.minus(Duration.ofHours(30));
    private static final Instant RECEIVED = MEASURED.plusSeconds(40);
    private static final Instant DECIDED = NOW.minus(Duration.ofHours(2));
    private static final Viewer PUBLIC = Viewer.anonymous();
    private static final Viewer REGULATOR = new Viewer("regulator", Set.of(Role.REGULATOR), "HB-EEB", OrganisationKind.PROVINCIAL_REGULATOR);

    private static final Parameter BENZENE = new Parameter(7L, "benzene", "g20004", "71-43-2", "苯", "Benzene", "µg/L", "VOC",
            new GroundwaterClassLimits(List.of(new GroundwaterClassLimits.Bounds(null, 0.5), new GroundwaterClassLimits.Bounds(0.5, 1.0),
                    new GroundwaterClassLimits.Bounds(1.0, 10.0), new GroundwaterClassLimits.Bounds(10.0, 120.0))), null);
    private static final Well WELL = new Well(3L, 1, "GW-U05", "五号井", new GeometryFactory().createPoint(new Coordinate(121.012345, 32.554321)),
            4, 4.5, 3, 9, 1, Well.Role.DOWNGRADIENT, Well.Status.ACTIVE);
    private static final Datastream STREAM = new Datastream(11L, "GW-U05/benzene", 3L, null, 7, 5, null, 60);
    private static final Sensor SENSOR = new Sensor(5L, "GW-U05-GC", "32062322000005", "online GC", "SN-5", 30, null);

    private final Reading raw = new Reading(100L, 11, MEASURED, -7.25, -7.25, QualityFlag.RANGE.bit(), 1, false, "hj212", RECEIVED);
    private final Reading corrected = new Reading(200L, 11, MEASURED, 12.75, -7.25, QualityFlag.RANGE.bit() | QualityFlag.CORRECTED.bit(), 2, true,
            "review", DECIDED);
    private final ProvenanceFacts.Review review = new ProvenanceFacts.Review(9, 11, MEASURED, MEASURED, QualityFlag.RANGE.bit(), RECEIVED,
            "CORRECTED", "reviewer-li", DECIDED, "negative after a power cut", 12.75);
    private final Reading fresh = new Reading(300L, 11, NOW.minus(Duration.ofHours(1)), 3.5, 3.5, 0, 1, true, "hj212", NOW);

    private final ProvenanceFacts facts = new ProvenanceFacts() {
        @Override
        public Optional<Observation> observationOf(long readingId) {
            if (readingId == 100 || readingId == 200) {
                return Optional.of(new Observation(STREAM, BENZENE, WELL, SENSOR, List.of(raw, corrected), List.of(review), null));
            }
            if (readingId == 300) return Optional.of(new Observation(STREAM, BENZENE, WELL, SENSOR, List.of(fresh), List.of(), null));
            return Optional.empty();
        }

        @Override
        public List<Observation> reviewedObservations(int maxTasks, int maxObservations) {
            return List.of(observationOf(200).orElseThrow());
        }

        @Override
        public Optional<IncidentAnalysisRecord> incidentAnalysis(long incidentId) {
            return Optional.empty();
        }

        @Override
        public Optional<PlumeRecord> plume(long plumeId) {
            return Optional.empty();
        }

        @Override
        public List<Datastream> datastreamsIn(long aquiferId, String parameterCode) {
            return List.of();
        }

        @Override
        public List<Well> wells() {
            return List.of(WELL);
        }

        @Override
        public List<Datastream> datastreams() {
            return List.of(STREAM);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(BENZENE);
        }
    };

    /** The shipped default's outside view of readings: classes, no raw value, 24 h delay; wells to 500 m; no devices, no reviewers. */
    private static final AccessPolicy DEFAULT = (viewer, dataset) -> {
        if (viewer.organisationKind() != OrganisationKind.PUBLIC) return Disclosure.full();
        return switch (dataset) {
            case "readings" -> Disclosure.builder().bucket("result_value", BucketScheme.GBT14848_CLASS).withhold(Set.of("raw_value"))
                    .delay(Duration.ofHours(24)).build();
            case "wells" -> Disclosure.builder().locationPrecisionMetres(500).build();
            case "devices", "reviewers" -> Disclosure.none();
            default -> Disclosure.full();
        };
    };

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private ReadingProvenance provenance(AccessPolicy policy) {
        return new ReadingProvenance(policy, facts, clock);
    }

    @Test
    void aViewerShownEverythingTracesTheCorrectionToItsRawValueFlagReviewerReasonAndDevice() {
        Model model = provenance(DEFAULT).describe(200, REGULATOR, ROOT).orElseThrow();
        List<QuerySolution> chain = select(model, "SELECT ?raw ?flag ?value ?who ?reason ?mn WHERE { <" + ROOT + "/catalog/readings/200> "
                + "prov:wasRevisionOf <" + ROOT + "/catalog/readings/100> ; prov:value ?value ; prov:wasAttributedTo ?agent ; prov:wasGeneratedBy ?review . "
                + "?review gwdef:decision \"CORRECTED\" ; rdfs:comment ?reason ; prov:qualifiedAssociation [ prov:agent ?agent ; prov:hadRole gwdef:DataReviewer ] . "
                + "?agent dct:identifier ?who . <" + ROOT + "/catalog/readings/100> gwdef:qualityFlag ?flag ; prov:wasDerivedFrom ?received ; "
                + "sosa:madeBySensor [ prov:actedOnBehalfOf [ dct:identifier ?mn ] ] . ?received prov:value ?raw }");
        assertThat(chain).hasSize(1);
        assertThat(chain.get(0).getLiteral("raw").getDouble()).isEqualTo(-7.25);
        assertThat(chain.get(0).getLiteral("flag").getString()).isEqualTo("RANGE");
        assertThat(chain.get(0).getLiteral("value").getDouble()).isEqualTo(12.75);
        assertThat(chain.get(0).getLiteral("who").getString()).isEqualTo("reviewer-li");
        assertThat(chain.get(0).getLiteral("reason").getString()).isEqualTo("negative after a power cut");
        assertThat(chain.get(0).getLiteral("mn").getString()).isEqualTo("32062322000005");
        // The replaced version resolves to the same chain.
        assertThat(provenance(DEFAULT).describe(100, REGULATOR, ROOT).orElseThrow().isIsomorphicWith(model)).isTrue();
        assertThat(turtle(model)).doesNotContain("121.0123").doesNotContain("32.5543");
    }

    @Test
    void thePublicGetsClassesAndTheReviewersRoleAndNothingItMayNotSee() {
        Model model = provenance(DEFAULT).describe(200, PUBLIC, ROOT).orElseThrow();
        String text = turtle(model);
        assertThat(text).doesNotContain("12.75").doesNotContain("-7.25").doesNotContain("reviewer-li").doesNotContain("power cut")
                .doesNotContain("/catalog/sensors/").doesNotContain("32062322000005").doesNotContain("prov:value").doesNotContain("121.0123");
        List<QuerySolution> chain = select(model, "SELECT ?class ?flag ?role WHERE { <" + ROOT + "/catalog/readings/200> prov:wasRevisionOf ?first ; "
                + "gwdef:gbt14848Class ?class ; prov:wasAttributedTo ?agent . ?agent rdfs:label ?role FILTER(lang(?role) = 'en') "
                + "?first gwdef:qualityFlag ?flag . FILTER NOT EXISTS { ?first gwdef:gbt14848Class ?c } }");
        assertThat(chain).hasSize(1);
        assertThat(chain.get(0).getLiteral("class").getInt()).isEqualTo(4);
        assertThat(chain.get(0).getLiteral("flag").getString()).isEqualTo("RANGE");
        assertThat(chain.get(0).getLiteral("role").getString()).isEqualTo("a data reviewer");
        assertThat(select(model, "SELECT ?a WHERE { ?a a prov:Person FILTER(isIRI(?a)) }")).as("no reviewer by URI").isEmpty();
    }

    @Test
    void whatTheReadingsDoorWouldNotShowIsAnsweredAsMissing() {
        assertThat(provenance(DEFAULT).describe(300, PUBLIC, ROOT)).as("inside the public's delay").isEmpty();
        assertThat(provenance(DEFAULT).describe(300, REGULATOR, ROOT)).isPresent();
        assertThat(provenance(DEFAULT).describe(999, REGULATOR, ROOT)).isEmpty();
        AccessPolicy means = (viewer, dataset) -> dataset.equals("readings")
                ? Disclosure.builder().timeAggregation(Disclosure.TimeAggregation.DAILY).build() : Disclosure.full();
        assertThat(provenance(means).describe(200, REGULATOR, ROOT)).as("means over time only").isEmpty();
        AccessPolicy withheld = (viewer, dataset) -> dataset.equals("readings") ? Disclosure.none() : Disclosure.full();
        assertThat(provenance(withheld).describe(200, REGULATOR, ROOT)).isEmpty();
        AccessPolicy own = (viewer, dataset) -> dataset.equals("readings")
                ? Disclosure.builder().ownership(new Disclosure.Ownership("enterprise", "E01", true)).build() : Disclosure.full();
        assertThat(provenance(own).describe(200, REGULATOR, ROOT)).as("rows limited to the viewer's own").isEmpty();
        AccessPolicy elsewhere = (viewer, dataset) -> dataset.equals("readings")
                ? Disclosure.builder().area(new Disclosure.Area(100, 20, 101, 21)).build() : Disclosure.full();
        assertThat(provenance(elsewhere).describe(200, REGULATOR, ROOT)).as("the well outside the viewer's area").isEmpty();
        AccessPolicy here = (viewer, dataset) -> dataset.equals("readings")
                ? Disclosure.builder().area(new Disclosure.Area(121, 32.5, 121.1, 32.6)).build() : Disclosure.full();
        assertThat(provenance(here).describe(200, REGULATOR, ROOT)).isPresent();
    }

    /** Raw values withheld but values exact: the earlier version (whose value is the raw one) shows no value either. */
    @Test
    void withRawValuesWithheldNoEarlierVersionShowsItsValue() {
        AccessPolicy noRaw = (viewer, dataset) -> dataset.equals("readings") ? Disclosure.builder().withhold(Set.of("raw_value")).build()
                : Disclosure.full();
        Model model = provenance(noRaw).describe(200, REGULATOR, ROOT).orElseThrow();
        List<QuerySolution> values = select(model, "SELECT ?s ?v WHERE { ?s prov:value ?v }");
        assertThat(values).hasSize(1);
        assertThat(values.get(0).getResource("s").getURI()).isEqualTo(ROOT + "/catalog/readings/200");
        assertThat(values.get(0).getLiteral("v").getDouble()).isEqualTo(12.75);
        assertThat(turtle(model)).doesNotContain("-7.25");
    }

    @Test
    void theSparqlGraphHoldsTheNetworkAndTheReviewedChainsAsTheViewerMaySeeThem() {
        DcatCatalog catalog = new DcatCatalog(org.groundwatergateway.policies.published.PublishedDatasets.shipped(), DEFAULT, new EmptyCatalogFacts(),
                new CatalogSettings("园区", "Park", "gis@example.org", "http://creativecommons.org/licenses/by/4.0/"), clock);
        LinkedCatalogGraph graph = new LinkedCatalogGraph(catalog, DEFAULT, facts, clock, Duration.ZERO);
        String downgradientBenzene = "SELECT ?code WHERE { ?ds a sosa:ObservationCollection ; dct:identifier ?code ; sosa:observedProperty "
                + "[ dct:identifier \"benzene\" ] ; sosa:hasFeatureOfInterest [ gwdef:role \"DOWNGRADIENT\" ] }";
        for (Viewer viewer : List.of(PUBLIC, REGULATOR)) {
            Model model = graph.describe(viewer, ROOT);
            assertThat(select(model, downgradientBenzene)).extracting(row -> row.getLiteral("code").getString()).containsExactly("GW-U05/benzene");
            assertThat(select(model, "SELECT ?r WHERE { ?r prov:wasRevisionOf ?s }")).hasSize(1);
        }
        assertThat(select(graph.describe(PUBLIC, ROOT), "SELECT ?v WHERE { ?s prov:value ?v }")).isEmpty();
        assertThat(select(graph.describe(REGULATOR, ROOT), "SELECT ?v WHERE { ?s prov:value ?v }")).hasSize(3);
    }

    private static final class EmptyCatalogFacts implements CatalogFacts {
        @Override
        public List<ParkArea> parks() {
            return List.of();
        }

        @Override
        public List<Member> wellsWithDatastreams() {
            return List.of();
        }

        @Override
        public List<Member> parametersWithDatastreams() {
            return List.of();
        }

        @Override
        public Optional<Period> period(String datasetId) {
            return Optional.empty();
        }
    }

    private static List<QuerySolution> select(Model model, String query) {
        String prefixes = "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX sosa: <http://www.w3.org/ns/sosa/> PREFIX dct: <http://purl.org/dc/terms/> "
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX gwdef: <" + ROOT + "/catalog/def#> ";
        List<QuerySolution> rows = new ArrayList<>();
        try (var execution = QueryExecutionFactory.create(prefixes + query, model)) {
            execution.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }

    private static String turtle(Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogFormat.TURTLE.write(model, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
