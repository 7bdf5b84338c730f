package org.groundwatergateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits.Bounds;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Enterprise;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.CoarseGrid;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.OpenAccessPolicy;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.groundwatergateway.policies.sharing.SharingPolicy;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;

/**
 * The park, wells, datastreams, parameters and enterprises as linked resources: what each says (SOSA, SKOS, QUDT), and
 * that each reads through the disclosure engine (not found when withheld, coarse places for the public).
 */
class LinkedResourcesTest {

    private static final String ROOT = "https://gw.example.cn";
    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final Viewer PUBLIC = Viewer.anonymous();
    private static final Viewer REGULATOR = new Viewer("regulator", Set.of(Role.REGULATOR), "HB-EEB", OrganisationKind.PROVINCIAL_REGULATOR);
    private static final AccessPolicy SHIPPED_DEFAULT = new SharingPolicy(2, SharingPolicies.shipped("default"));
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Point MW01 = GEOMETRY.createPoint(new Coordinate(116.0123456, 38.0567891));
    private static final Point MW02 = GEOMETRY.createPoint(new Coordinate(116.0876543, 38.0912345));
    private static final String HOSTILE = "<script>alert('x')</script>&化工";

    static final ResourceFacts FACTS = new ResourceFacts() {
        private final org.locationtech.jts.geom.Polygon square = GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(116.0, 38.0),
                new Coordinate(116.1, 38.0), new Coordinate(116.1, 38.1), new Coordinate(116.0, 38.1), new Coordinate(116.0, 38.0)});

        @Override
        public List<Park> parks() {
            return List.of(new Park(1L, "HBDP", "示范化工园区", "Demo chemical park", "130100", "petrochemical", square));
        }

        @Override
        public List<AquiferLayer> aquifers() {
            return List.of(new AquiferLayer(1L, 1, "Q1", "潜水含水层", "Unconfined aquifer", AquiferLayer.Confinement.values()[0], 2, 15, 5, 0.25));
        }

        @Override
        public List<Well> wells() {
            return List.of(new Well(1L, 1, "MW-01", "一号监测井", MW01, 20.5, 21.0, 5, 12, 1, Well.Role.DOWNGRADIENT, Well.Status.ACTIVE),
                    new Well(2L, 1, "MW-02", "二号监测井", MW02, 19.5, 20.0, 6, 13, 1, Well.Role.BACKGROUND, Well.Status.ACTIVE));
        }

        @Override
        public List<Datastream> datastreams() {
            return List.of(new Datastream(11L, "MW-01-benzene", 1L, null, 7, 1, null, 60),
                    new Datastream(12L, "MW-02-ph", 2L, null, 9, 2, null, 10));
        }

        @Override
        public List<Sensor> sensors() {
            return List.of(new Sensor(1L, "SN-BZ-01", "MN01", "GC-2030", "X1", 90, null), new Sensor(2L, "SN-PH-02", "MN02", "PH-9", "X2", 30, null));
        }

        @Override
        public List<Parameter> parameters() {
            GroundwaterClassLimits benzene = new GroundwaterClassLimits(List.of(new Bounds(null, 0.5), new Bounds(null, 1.0),
                    new Bounds(null, 10.0), new Bounds(null, 120.0)));
            return List.of(new Parameter(7L, "benzene", "w25002", "71-43-2", "苯", "Benzene", "µg/L", "organic", benzene, null),
                    new Parameter(9L, "ph", "w01001", null, "pH", "pH", "dimensionless", "general", null, null));
        }

        @Override
        public List<Enterprise> enterprises() {
            return List.of(new Enterprise(5L, 1, "91350100M000100Y43", HOSTILE, "Hostile Chemicals", "C2614", square, List.of("chlorination"),
                    List.of("benzene"), Set.of()));
        }
    };

    private static ResourceDescriptions descriptions(AccessPolicy policy) {
        return new ResourceDescriptions(FACTS, policy, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Model describe(AccessPolicy policy, Viewer viewer, LinkedUris kind, String key) {
        return descriptions(policy).describe(viewer, ROOT, kind, key).orElseThrow(() -> new AssertionError(kind + " " + key + " not found"));
    }

    @Test
    void aWellIsASosaPlatformHostingItsSensorsAtItsExactPlaceForTheRegulator() {
        Model model = describe(SHIPPED_DEFAULT, REGULATOR, LinkedUris.WELLS, "MW-01");
        Resource well = model.getResource(ROOT + "/catalog/id/wells/MW-01");
        assertThat(well.hasProperty(RDF.type, LinkedVocabulary.Platform)).isTrue();
        assertThat(places(model)).containsExactly(MW01.getCoordinate());
        assertThat(well.hasProperty(org.apache.jena.vocabulary.DCTerms.isPartOf, model.getResource(ROOT + "/catalog/id/parks/HBDP"))).isTrue();
        Resource sensor = well.getPropertyResourceValue(LinkedVocabulary.hosts);
        assertThat(sensor.getURI()).isEqualTo(ROOT + "/catalog/id/wells/MW-01#sensor-SN-BZ-01");
        assertThat(sensor.getPropertyResourceValue(LinkedVocabulary.observes).getURI()).isEqualTo(ROOT + "/catalog/id/parameters/benzene");
        assertThat(well.getPropertyResourceValue(LinkedVocabulary.isFeatureOfInterestOf).getURI()).isEqualTo(ROOT + "/catalog/id/datastreams/11");
    }

    @Test
    void thePublicGetsTheCoarsePlaceOnlyAndNoSensorNames() {
        Model model = describe(SHIPPED_DEFAULT, PUBLIC, LinkedUris.WELLS, "MW-01");
        Coordinate coarse = CoarseGrid.snap(MW01, 500).getCoordinate();
        assertThat(coarse.distance(MW01.getCoordinate())).isGreaterThan(1e-5);
        assertThat(places(model)).containsExactly(coarse);
        String turtle = turtle(model);
        assertThat(turtle).doesNotContain("116.012345").doesNotContain("38.056789").doesNotContain("SN-BZ-01").doesNotContain("GC-2030");
        // Its sensor is still there, as SOSA has it: hosted by the well, observing benzene, unnamed.
        Resource sensor = model.getResource(ROOT + "/catalog/id/wells/MW-01").getPropertyResourceValue(LinkedVocabulary.hosts);
        assertThat(sensor.isAnon()).isTrue();
        assertThat(sensor.hasProperty(LinkedVocabulary.observes)).isTrue();
        // The park names the public's wells and no more of them.
        Model park = describe(SHIPPED_DEFAULT, PUBLIC, LinkedUris.PARKS, "HBDP");
        assertThat(turtle(park)).contains("/catalog/id/wells/MW-02").doesNotContain("116.087654").doesNotContain("38.091234");
    }

    @Test
    void whatThePolicyWithholdsIsNotFoundExactlyAsWhatDoesNotExist() {
        AccessPolicy noWells = (viewer, dataset) -> dataset.equals("wells") ? Disclosure.none() : Disclosure.full();
        assertThat(descriptions(noWells).describe(PUBLIC, ROOT, LinkedUris.WELLS, "MW-01")).isEmpty();
        // A datastream names its well: not found where the well is not.
        assertThat(descriptions(noWells).describe(PUBLIC, ROOT, LinkedUris.DATASTREAMS, "11")).isEmpty();
        assertThat(descriptions(new OpenAccessPolicy()).describe(PUBLIC, ROOT, LinkedUris.WELLS, "MW-99")).isEmpty();

        // Wells outside the viewer's area are not there; those inside are.
        AccessPolicy westOnly = (viewer, dataset) -> dataset.equals("wells")
                ? Disclosure.builder().area(new Disclosure.Area(116.0, 38.0, 116.05, 38.1)).build() : Disclosure.full();
        assertThat(descriptions(westOnly).describe(PUBLIC, ROOT, LinkedUris.WELLS, "MW-02")).isEmpty();
        assertThat(descriptions(westOnly).describe(PUBLIC, ROOT, LinkedUris.DATASTREAMS, "12")).isEmpty();
        assertThat(descriptions(westOnly).describe(PUBLIC, ROOT, LinkedUris.WELLS, "MW-01")).isPresent();

        AccessPolicy noEnterprises = (viewer, dataset) -> dataset.equals("enterprises") ? Disclosure.none() : Disclosure.full();
        assertThat(descriptions(noEnterprises).describe(PUBLIC, ROOT, LinkedUris.ENTERPRISES, "5")).isEmpty();
        assertThat(turtle(describe(noEnterprises, PUBLIC, LinkedUris.PARKS, "HBDP"))).doesNotContain("enterprises/5").doesNotContain("Hostile");
        // Rows the descriptions cannot limit (an enterprise's own rows) release nothing rather than more.
        AccessPolicy ownRows = (viewer, dataset) -> dataset.equals("enterprises")
                ? Disclosure.builder().ownership(new Disclosure.Ownership("credit_code", "E01", false)).build() : Disclosure.full();
        assertThat(descriptions(ownRows).describe(PUBLIC, ROOT, LinkedUris.ENTERPRISES, "5")).isEmpty();
        AccessPolicy noParameters = (viewer, dataset) -> dataset.equals("parameters") ? Disclosure.none() : Disclosure.full();
        assertThat(descriptions(noParameters).describe(PUBLIC, ROOT, LinkedUris.PARAMETERS, "benzene")).isEmpty();
        assertThat(descriptions(noParameters).describe(PUBLIC, ROOT, LinkedUris.PARAMETERS, null)).isEmpty();
    }

    @Test
    void aWithheldAttributeIsNotWritten() {
        Model enterprise = describe(SHIPPED_DEFAULT, PUBLIC, LinkedUris.ENTERPRISES, "5");
        // The shipped default withholds processes and characteristic pollutants from the public.
        assertThat(turtle(enterprise)).contains("Hostile Chemicals").doesNotContain("chlorination").doesNotContain("characteristicPollutant");
        Model full = describe(SHIPPED_DEFAULT, REGULATOR, LinkedUris.ENTERPRISES, "5");
        assertThat(full.contains(full.getResource(ROOT + "/catalog/id/enterprises/5"), LinkedVocabulary.def(ROOT, "characteristicPollutant"),
                full.getResource(ROOT + "/catalog/id/parameters/benzene"))).isTrue();
        AccessPolicy noNames = (viewer, dataset) -> dataset.equals("wells") ? Disclosure.builder().withhold(Set.of("name_zh", "screen_top_depth_m")).build()
                : Disclosure.full();
        String well = turtle(describe(noNames, PUBLIC, LinkedUris.WELLS, "MW-01"));
        assertThat(well).doesNotContain("一号监测井").doesNotContain("screenTopDepthM").contains("screenBottomDepthM");
    }

    @Test
    void aParameterIsASkosConceptWithItsCasNumberUnitAndGbt14848ClassLimits() {
        Model model = describe(SHIPPED_DEFAULT, PUBLIC, LinkedUris.PARAMETERS, "benzene");
        Resource benzene = model.getResource(ROOT + "/catalog/id/parameters/benzene");
        assertThat(benzene.hasProperty(RDF.type, Vocabulary.Concept)).isTrue();
        assertThat(benzene.hasProperty(RDF.type, LinkedVocabulary.ObservableProperty)).isTrue();
        assertThat(benzene.hasProperty(Vocabulary.inScheme, model.getResource(ROOT + "/catalog/id/parameters"))).isTrue();
        assertThat(benzene.getProperty(LinkedVocabulary.notation).getString()).isEqualTo("benzene");
        assertThat(benzene.listProperties(Vocabulary.prefLabel).mapWith(s -> s.getLanguage() + ":" + s.getString()).toList())
                .containsExactlyInAnyOrder("zh:苯", "en:Benzene");
        assertThat(benzene.getProperty(LinkedVocabulary.def(ROOT, "casRegistryNumber")).getString()).isEqualTo("71-43-2");
        Resource unit = benzene.getPropertyResourceValue(LinkedVocabulary.qudtUnit);
        assertThat(unit.getURI()).isEqualTo("http://qudt.org/vocab/unit/MicroGM-PER-L");
        assertThat(unit.getProperty(LinkedVocabulary.ucumCode).getString()).isEqualTo("ug/L");
        Map<String, Double> upper = new java.util.TreeMap<>();
        benzene.listProperties(LinkedVocabulary.def(ROOT, "gbt14848ClassLimit")).forEach(s -> upper.put(
                s.getResource().getProperty(LinkedVocabulary.def(ROOT, "qualityClass")).getString(), s.getResource().getProperty(LinkedVocabulary.maxValue).getDouble()));
        assertThat(upper).isEqualTo(Map.of("I", 0.5, "II", 1.0, "III", 10.0, "IV", 120.0));
        Model ph = describe(SHIPPED_DEFAULT, PUBLIC, LinkedUris.PARAMETERS, "ph");
        assertThat(ph.getResource(ROOT + "/catalog/id/parameters/ph").hasProperty(LinkedVocabulary.def(ROOT, "casRegistryNumber"))).isFalse();

        Model scheme = describe(SHIPPED_DEFAULT, PUBLIC, LinkedUris.PARAMETERS, null);
        assertThat(scheme.listObjectsOfProperty(scheme.getResource(ROOT + "/catalog/id/parameters"), LinkedVocabulary.hasTopConcept).toList())
                .hasSize(2);
    }

    @Test
    void aDatastreamSaysWhichSensorObservesWhichParameterAtWhichWell() {
        Model model = describe(SHIPPED_DEFAULT, REGULATOR, LinkedUris.DATASTREAMS, "11");
        Resource datastream = model.getResource(ROOT + "/catalog/id/datastreams/11");
        assertThat(datastream.hasProperty(RDF.type, LinkedVocabulary.ObservationCollection)).isTrue();
        assertThat(datastream.getPropertyResourceValue(LinkedVocabulary.observedProperty).getURI()).isEqualTo(ROOT + "/catalog/id/parameters/benzene");
        assertThat(datastream.getPropertyResourceValue(LinkedVocabulary.hasFeatureOfInterest).getURI()).isEqualTo(ROOT + "/catalog/id/wells/MW-01");
        Resource sensor = datastream.getPropertyResourceValue(LinkedVocabulary.madeBySensor);
        assertThat(sensor.getPropertyResourceValue(LinkedVocabulary.isHostedBy).getURI()).isEqualTo(ROOT + "/catalog/id/wells/MW-01");
        assertThat(sensor.getPropertyResourceValue(LinkedVocabulary.observes).getURI()).isEqualTo(ROOT + "/catalog/id/parameters/benzene");
        assertThat(datastream.listProperties(LinkedVocabulary.seeAlso).mapWith(s -> s.getResource().getURI()).toList())
                .contains(ROOT + "/sta/v1.1/Datastreams(11)/Observations");
    }

    @Test
    void everySerializationSaysTheSame() {
        Model model = describe(SHIPPED_DEFAULT, PUBLIC, LinkedUris.WELLS, "MW-01");
        for (CatalogFormat format : CatalogFormat.values()) {
            Model parsed = ModelFactory.createDefaultModel();
            RDFParser.source(new ByteArrayInputStream(CatalogService.serialize(model, format))).lang(RDFLanguages.contentTypeToLang(format.mediaType()))
                    .parse(parsed.getGraph());
            assertThat(parsed.isIsomorphicWith(model)).as(format.name()).isTrue();
        }
    }

    @Test
    void thePageEscapesEverythingAndSpeaksTheReadersLanguage() {
        Model model = describe(SHIPPED_DEFAULT, PUBLIC, LinkedUris.ENTERPRISES, "5");
        String uri = ROOT + "/catalog/id/enterprises/5";
        String zh = HtmlPage.render(model, uri, false, Map.of("text/turtle", "?f=ttl"));
        String en = HtmlPage.render(model, uri, true, Map.of("text/turtle", "?f=ttl"));
        assertThat(zh).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;化工").contains("<html lang=\"zh-CN\">")
                .contains("<th>类型</th>").contains("<a href=\"?f=ttl\">");
        assertThat(en).doesNotContain("<script>").contains("<title>Hostile Chemicals</title>").contains("<html lang=\"en\">").contains("<th>Type</th>");
        assertThat(zh).contains("href=\"" + ROOT + "/catalog/id/parks/HBDP\">示范化工园区</a>");
        assertThat(en).contains(">Demo chemical park</a>");
    }

    /** The coordinates of every WKT literal in the model. */
    private static List<Coordinate> places(Model model) {
        WKTReader reader = new WKTReader();
        return model.listObjects().filterKeep(RDFNode::isLiteral).mapWith(RDFNode::asLiteral).toList().stream()
                .filter(l -> l.getDatatypeURI().endsWith("#wktLiteral")).map(Literal::getLexicalForm).flatMap(wkt -> {
                    try {
                        return java.util.Arrays.stream(reader.read(wkt).getCoordinates());
                    } catch (org.locationtech.jts.io.ParseException e) {
                        throw new AssertionError(e);
                    }
                }).toList();
    }

    private static String turtle(Model model) {
        return new String(CatalogService.serialize(model, CatalogFormat.TURTLE), StandardCharsets.UTF_8);
    }
}
