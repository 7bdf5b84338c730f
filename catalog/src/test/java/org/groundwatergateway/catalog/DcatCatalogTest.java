package org.groundwatergateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.RDF;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.OpenAccessPolicy;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.published.Grouping;
import org.groundwatergateway.policies.published.PublishedDatasets;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class DcatCatalogTest {

    private static final String ROOT = "https://gw.example.cn";
    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final CatalogSettings SETTINGS = new CatalogSettings("示范园区管委会", "Demo park administration", "gis@example.org",
            "http://creativecommons.org/licenses/by/4.0/");
    private static final Viewer PUBLIC = Viewer.anonymous();
    private static final Viewer REGULATOR = new Viewer("regulator", Set.of(Role.REGULATOR), "HB-EEB", OrganisationKind.PROVINCIAL_REGULATOR);

    private final CatalogFacts facts = new CatalogFacts() {
        @Override
        public List<ParkArea> parks() {
            GeometryFactory geometry = new GeometryFactory();
            return List.of(new ParkArea("HBDP", "示范化工园区", "Demo chemical park", geometry.createPolygon(new Coordinate[] {
                    new Coordinate(116.0, 38.0), new Coordinate(116.1, 38.0), new Coordinate(116.1, 38.1), new Coordinate(116.0, 38.1),
                    new Coordinate(116.0, 38.0)})));
        }

        @Override
        public List<Member> wellsWithDatastreams() {
            return List.of(new Member(1, "MW-01", "一号监测井", "MW-01"), new Member(2, "MW-02", "二号监测井", "MW-02"));
        }

        @Override
        public List<Member> parametersWithDatastreams() {
            return List.of(new Member(7, "benzene", "苯", "Benzene"), new Member(9, "ph", "pH", "pH"));
        }

        @Override
        public Optional<Period> period(String datasetId) {
            return Optional.of(new Period(Instant.parse("2026-01-01T00:00:00Z"), NOW.minus(Duration.ofHours(1))));
        }

        /** Each member's readings began later than the store's first: member 1 in February, 2 in March ...; member 9 has none. */
        @Override
        public Optional<Period> period(Grouping groupedBy, Member member) {
            if (member.id() == 9) return Optional.empty();
            return Optional.of(new Period(Instant.parse("2026-01-01T00:00:00Z").atZone(ZoneOffset.UTC).plusMonths(member.id()).toInstant(),
                    NOW.minus(Duration.ofHours(member.id()))));
        }
    };

    private DcatCatalog catalog(AccessPolicy policy) {
        return new DcatCatalog(PublishedDatasets.shipped(), policy, facts, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everySerializationParsesToTheSameGraphWhichConformsToDcatAp3() {
        CatalogService service = new CatalogService(catalog(new OpenAccessPolicy()));
        Model turtle = null;
        for (CatalogFormat format : CatalogFormat.values()) {
            Model parsed = parse(service.catalog(REGULATOR, ROOT, format), format);
            ValidationReport report = DcatApShapes.validate(parsed.getGraph());
            assertThat(DcatApShapes.violations(report)).as(format + ":\n" + DcatApShapes.describe(report)).isZero();
            if (turtle == null) turtle = parsed;
            else assertThat(parsed.isIsomorphicWith(turtle)).as(format + " says what Turtle says").isTrue();
        }
    }

    /**
     * The shapes bite: the same catalog with one dataset's description removed, or a distribution's access URL given as
     * text, has violations of exactly those constraints. A validation that could not fail would make the 0 above worthless.
     */
    @Test
    void theShapesFindWhatACatalogLacksOrGetsWrong() {
        Model model = parse(new CatalogService(catalog(new OpenAccessPolicy())).catalog(REGULATOR, ROOT, CatalogFormat.TURTLE), CatalogFormat.TURTLE);
        assertThat(DcatApShapes.violations(DcatApShapes.validate(model.getGraph()))).isZero();
        Resource dataset = model.listSubjectsWithProperty(RDF.type, model.createResource("http://www.w3.org/ns/dcat#Dataset")).next();
        model.removeAll(dataset, org.apache.jena.vocabulary.DCTerms.description, null);
        ValidationReport noDescription = DcatApShapes.validate(model.getGraph());
        assertThat(violations(noDescription)).isNotEmpty().allMatch(e -> e.focusNode().getURI().equals(dataset.getURI())
                && e.resultPath().toString().contains("description"));

        var accessUrl = model.createProperty("http://www.w3.org/ns/dcat#", "accessURL");
        Resource distribution = model.listSubjectsWithProperty(accessUrl).next();
        String url = distribution.getPropertyResourceValue(accessUrl).getURI();
        model.removeAll(distribution, accessUrl, null).add(distribution, accessUrl, url);
        assertThat(violations(DcatApShapes.validate(model.getGraph()))).as("a literal where an IRI belongs")
                .anyMatch(e -> e.focusNode().equals(distribution.asNode()) && e.resultPath().toString().contains("accessURL"));
    }

    private static List<org.apache.jena.shacl.validation.ReportEntry> violations(ValidationReport report) {
        return report.getEntries().stream().filter(e -> org.apache.jena.shacl.validation.Severity.Violation.equals(e.severity())).toList();
    }

    @Test
    void everyDatasetIsDescribedWithItsDistributionsPerDoorInBothLanguages() {
        Model model = catalog(new OpenAccessPolicy()).describe(REGULATOR, ROOT);
        Resource wells = model.getResource(ROOT + "/catalog/datasets/wells");
        assertThat(wells.hasProperty(RDF.type, Vocabulary.Dataset)).isTrue();
        assertThat(wells.listProperties(Vocabulary.distribution).toList()).hasSize(5);
        assertThat(wells.listProperties(Vocabulary.keyword).mapWith(s -> s.getLanguage()).toSet()).containsExactlyInAnyOrder("zh", "en");
        Resource wfs = model.getResource(ROOT + "/catalog/datasets/wells/distributions/wfs");
        assertThat(wfs.getPropertyResourceValue(Vocabulary.accessService).getURI()).isEqualTo(ROOT + "/catalog/services/wfs");
        assertThat(model.getResource(ROOT + "/catalog/datasets/datastreams_by_well/MW-01/distributions/sensorthings")
                .getPropertyResourceValue(Vocabulary.accessURL).getURI()).isEqualTo(ROOT + "/sta/v1.1/Things(1)/Datastreams");
        assertThat(model.contains(model.getResource(ROOT + "/catalog/datasets/datastreams_by_parameter/benzene"), RDF.type, Vocabulary.Dataset)).isTrue();
        assertThat(model.contains(model.getResource(ROOT + "/catalog/datasets/risk_reports"), RDF.type, Vocabulary.Dataset)).isTrue();
    }

    /** What partners share with us is listed as the OGC doors show it: whole, or not at all where the policy would mask it. */
    @Test
    void partnersDataIsListedOnlyWhereThePolicyShowsItUnmasked() {
        AccessPolicy masked = (viewer, dataset) -> dataset.equals("foreign_observations") ? Disclosure.builder().delay(Duration.ofHours(24)).build()
                : Disclosure.full();
        assertThat(new String(serialize(catalog(masked).describe(PUBLIC, ROOT)), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("foreign_latest_readings");
        assertThat(new String(serialize(catalog((viewer, dataset) -> Disclosure.full()).describe(PUBLIC, ROOT)), java.nio.charset.StandardCharsets.UTF_8))
                .contains("foreign_latest_readings");
    }

    @Test
    void aWithheldDatasetIsNotNamedAndADelayedPeriodEndsWhereTheDelayBegins() {
        AccessPolicy policy = (viewer, dataset) -> switch (dataset) {
            case "network_coverage" -> Disclosure.none();
            case "Observations" -> Disclosure.builder().delay(Duration.ofHours(24)).build();
            default -> Disclosure.full();
        };
        Model model = catalog(policy).describe(PUBLIC, ROOT);
        String turtle = new String(serialize(model), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(turtle).doesNotContain("network_coverage").doesNotContain("监测网覆盖");
        Resource byWell = model.getResource(ROOT + "/catalog/datasets/datastreams_by_well/MW-01");
        String end = byWell.getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.temporal).getProperty(Vocabulary.endDate).getString();
        assertThat(Instant.parse(end)).isEqualTo(NOW.minus(Duration.ofHours(24)));
    }

    @Test
    void aDisclosureTheFeatureDoorsCannotServeKeepsTheDatasetOutAndGroupsAreNotExpandedUnderRowLimits() {
        AccessPolicy policy = (viewer, dataset) -> switch (dataset) {
            case "latest_readings" -> Disclosure.builder().timeAggregation(Disclosure.TimeAggregation.DAILY).build();
            case "Things" -> Disclosure.builder().restrictTo("code", Set.of("MW-01")).build();
            default -> Disclosure.full();
        };
        Model model = catalog(policy).describe(PUBLIC, ROOT);
        assertThat(model.containsResource(model.getResource(ROOT + "/catalog/datasets/latest_readings"))).isFalse();
        assertThat(model.containsResource(model.getResource(ROOT + "/catalog/datasets/datastreams_by_well/MW-02"))).isFalse();
        assertThat(model.contains(model.getResource(ROOT + "/catalog/datasets/datastreams_by_well"), RDF.type, Vocabulary.Dataset)).isTrue();
    }

    @Test
    void aDescribedCatalogIsServedAgainForThirtySecondsToTheSameDisclosuresAndANewWellShowsWithinAMinute() {
        List<CatalogFacts.Member> wells = new java.util.concurrent.CopyOnWriteArrayList<>(facts.wellsWithDatastreams());
        java.util.concurrent.atomic.AtomicInteger described = new java.util.concurrent.atomic.AtomicInteger();
        CatalogFacts growing = new CatalogFacts() {
            @Override
            public List<ParkArea> parks() {
                described.incrementAndGet();
                return facts.parks();
            }

            @Override
            public List<Member> wellsWithDatastreams() {
                return List.copyOf(wells);
            }

            @Override
            public List<Member> parametersWithDatastreams() {
                return facts.parametersWithDatastreams();
            }

            @Override
            public Optional<Period> period(String datasetId) {
                return facts.period(datasetId);
            }
        };
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        java.util.concurrent.atomic.AtomicBoolean withheld = new java.util.concurrent.atomic.AtomicBoolean();
        AccessPolicy policy = (viewer, dataset) -> withheld.get() && dataset.equals("network_coverage") ? Disclosure.none() : Disclosure.full();
        DcatCatalog catalog = new DcatCatalog(PublishedDatasets.shipped(), policy, growing, SETTINGS, clock, Duration.ofSeconds(30));
        String mw03 = ROOT + "/catalog/datasets/datastreams_by_well/MW-03";

        Model first = catalog.describe(PUBLIC, ROOT);
        assertThat(catalog.describe(REGULATOR, ROOT)).as("the same disclosures share one description").isSameAs(first);
        wells.add(new CatalogFacts.Member(3, "MW-03", "三号监测井", "MW-03"));
        now[0] = NOW.plusSeconds(29);
        assertThat(catalog.describe(PUBLIC, ROOT).containsResource(first.getResource(mw03))).isFalse();
        assertThat(described).hasValue(1);
        // A policy change is followed at once: other disclosures are another description.
        withheld.set(true);
        Model changed = catalog.describe(PUBLIC, ROOT);
        assertThat(changed.containsResource(changed.getResource(ROOT + "/catalog/datasets/network_coverage"))).isFalse();
        assertThat(changed.containsResource(changed.getResource(mw03))).isTrue();
        withheld.set(false);
        // The store is followed within the cache's time: well within the minute a new well may take to show.
        now[0] = NOW.plusSeconds(31);
        Model later = catalog.describe(PUBLIC, ROOT);
        assertThat(later).isNotSameAs(first);
        assertThat(later.containsResource(later.getResource(mw03))).isTrue();
        assertThat(described).hasValue(3);
    }

    @Test
    void membersAreDescribedOneByOneOnlyWhenTheirNamesAreShown() {
        for (String withheld : List.of("name", "description")) {
            AccessPolicy policy = (viewer, dataset) -> dataset.equals("Things") || dataset.equals("ObservedProperties")
                    ? Disclosure.builder().withhold(Set.of(withheld)).build() : Disclosure.full();
            Model model = catalog(policy).describe(PUBLIC, ROOT);
            String turtle = new String(serialize(model), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(turtle).as(withheld).doesNotContain("MW-01").doesNotContain("一号监测井").doesNotContain("datastreams_by_well/MW")
                    .doesNotContain("benzene").doesNotContain("苯").doesNotContain("datastreams_by_parameter/benzene");
            for (String group : List.of("datastreams_by_well", "datastreams_by_parameter")) {
                assertThat(model.contains(model.getResource(ROOT + "/catalog/datasets/" + group), RDF.type, Vocabulary.Dataset)).as(group).isTrue();
            }
        }
        Model shown = catalog((viewer, dataset) -> Disclosure.full()).describe(PUBLIC, ROOT);
        assertThat(shown.contains(shown.getResource(ROOT + "/catalog/datasets/datastreams_by_well/MW-01"), RDF.type, Vocabulary.Dataset)).isTrue();
    }

    @Test
    void aMembersDatasetCoversTheMembersOwnPeriodNotTheStores() {
        Model model = catalog(new OpenAccessPolicy()).describe(REGULATOR, ROOT);
        Resource mw01 = model.getResource(ROOT + "/catalog/datasets/datastreams_by_well/MW-01");
        Resource mw02 = model.getResource(ROOT + "/catalog/datasets/datastreams_by_well/MW-02");
        assertThat(start(mw01)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(start(mw02)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(end(mw02)).isEqualTo(NOW.minus(Duration.ofHours(2)));
        // A member with no readings of its own has no period, rather than the store's.
        Resource ph = model.getResource(ROOT + "/catalog/datasets/datastreams_by_parameter/ph");
        assertThat(ph.hasProperty(RDF.type, Vocabulary.Dataset)).isTrue();
        assertThat(ph.hasProperty(org.apache.jena.vocabulary.DCTerms.temporal)).isFalse();
        // The whole dataset keeps the store's period.
        assertThat(start(model.getResource(ROOT + "/catalog/datasets/latest_readings"))).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static Instant start(Resource dataset) {
        return Instant.parse(dataset.getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.temporal).getProperty(Vocabulary.startDate).getString());
    }

    private static Instant end(Resource dataset) {
        return Instant.parse(dataset.getPropertyResourceValue(org.apache.jena.vocabulary.DCTerms.temporal).getProperty(Vocabulary.endDate).getString());
    }

    private static Model parse(byte[] body, CatalogFormat format) {
        Lang lang = RDFLanguages.contentTypeToLang(format.mediaType());
        Model model = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(model.getGraph());
        return model;
    }

    private static byte[] serialize(Model model) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CatalogFormat.TURTLE.write(model, out);
        return out.toByteArray();
    }
}
