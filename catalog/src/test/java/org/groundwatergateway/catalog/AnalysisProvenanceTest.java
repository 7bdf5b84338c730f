package org.groundwatergateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.junit.jupiter.api.Test;

/**
 * The provenance of analysis results: an incident's analysis names the model and its version and the readings it used
 * (windows and datastreams); one analysed before versions were stored says so; a plume outline names its model version;
 * each only where its own door shows the result.
 */
class AnalysisProvenanceTest {

    private static final String ROOT = "https://gw.example.cn";
    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final Instant OPENED = Instant.parse("2026-11-20T02:00:00Z");
    private static final Viewer PUBLIC = Viewer.anonymous();
    private static final Viewer REGULATOR = new Viewer("regulator", Set.of(Role.REGULATOR), "HB-EEB", OrganisationKind.PROVINCIAL_REGULATOR);

    private final ProvenanceFacts facts = new ProvenanceFacts() {
        @Override
        public Optional<Observation> observationOf(long readingId) {
            return Optional.empty();
        }

        @Override
        public List<Observation> reviewedObservations(int maxTasks, int maxObservations) {
            return List.of();
        }

        @Override
        public Optional<IncidentAnalysisRecord> incidentAnalysis(long incidentId) {
            if (incidentId == 1) {
                return Optional.of(new IncidentAnalysisRecord(1, "benzene", 3L, 1, "Q1", OPENED, "DONE", OPENED.plusSeconds(90), 0.01, 300, 105.0,
                        0.12, "PS-E10-LG", 0.81, "incident model", "1", OPENED.minus(Duration.ofDays(30)), OPENED, OPENED.minus(Duration.ofDays(60)),
                        OPENED, null));
            }
            if (incidentId == 2) {
                return Optional.of(new IncidentAnalysisRecord(2, "benzene", null, 1, "Q1", OPENED, "DONE", OPENED.plusSeconds(90), 0.01, 300, 105.0,
                        0.12, null, null, null, null, null, null, null, null, null));
            }
            return Optional.empty();
        }

        @Override
        public Optional<PlumeRecord> plume(long plumeId) {
            if (plumeId == 5) return Optional.of(new PlumeRecord(5, "benzene", "PS-E10-LG", NOW.minus(Duration.ofDays(3)), "P50", 10, "Domenico (1987)", "demo-domenico-1"));
            if (plumeId == 6) return Optional.of(new PlumeRecord(6, "benzene", "PS-E10-LG", NOW.minus(Duration.ofHours(2)), "P50", 10, "Domenico (1987)", null));
            return Optional.empty();
        }

        @Override
        public List<Datastream> datastreamsIn(long aquiferId, String parameterCode) {
            return List.of(new Datastream(parameterCode.equals("water-level") ? 21L : 22L, "GW-U05/" + parameterCode, 3L, null, 7, 5, null, 60));
        }

        @Override
        public List<Well> wells() {
            return List.of();
        }

        @Override
        public List<Datastream> datastreams() {
            return List.of();
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }
    };

    /** Incidents to the park and regulators only; plumes with a day's delay and the method withheld outside. */
    private static final AccessPolicy POLICY = (viewer, dataset) -> {
        if (viewer.organisationKind() != OrganisationKind.PUBLIC) return Disclosure.full();
        return switch (dataset) {
            case "incidents", "drills" -> Disclosure.none();
            case "plumes" -> Disclosure.builder().delay(Duration.ofHours(24)).withhold(Set.of("method")).build();
            default -> Disclosure.full();
        };
    };

    private final AnalysisProvenance provenance = new AnalysisProvenance(POLICY, facts, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anIncidentsAnalysisNamesItsModelVersionAndTheReadingsItUsed() {
        String text = triples(provenance.incident(1, REGULATOR, ROOT).orElseThrow());
        assertThat(text).contains("<" + ROOT + "/catalog/models/incident-analysis/1>").contains("<http://www.w3.org/2002/07/owl#versionInfo> \"1\"")
                .contains("<" + ROOT + "/catalog/incidents/1/analysis#heads>").contains("<" + ROOT + "/catalog/id/datastreams/21>")
                .contains("<" + ROOT + "/catalog/id/datastreams/22>").contains("\"2026-10-21T02:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>")
                .contains("PS-E10-LG").contains("<" + ROOT + "/catalog/incidents/1/forecast>");
        assertThat(triples(provenance.incident(2, REGULATOR, ROOT).orElseThrow())).contains("<http://www.w3.org/2002/07/owl#versionInfo> \"not recorded\"")
                .doesNotContain("#heads");
        assertThat(provenance.incident(1, PUBLIC, ROOT)).isEmpty();
        assertThat(provenance.incident(9, REGULATOR, ROOT)).isEmpty();
    }

    @Test
    void aPlumeNamesItsModelVersionAsThePlumesAreShown() {
        assertThat(triples(provenance.plume(5, REGULATOR, ROOT).orElseThrow())).contains("<http://www.w3.org/2002/07/owl#versionInfo> \"demo-domenico-1\"").contains("Domenico");
        String outside = triples(provenance.plume(5, PUBLIC, ROOT).orElseThrow());
        assertThat(outside).contains("<http://www.w3.org/2002/07/owl#versionInfo> \"demo-domenico-1\"").doesNotContain("Domenico");
        assertThat(provenance.plume(6, PUBLIC, ROOT)).as("inside the delay").isEmpty();
        assertThat(triples(provenance.plume(6, REGULATOR, ROOT).orElseThrow())).contains("<http://www.w3.org/2002/07/owl#versionInfo> \"not recorded\"");
    }

    private static String triples(Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogFormat.N_TRIPLES.write(model, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
