package org.groundwatergateway.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.reading.Reading;

/**
 * What provenance needs of the store, exactly as stored: the descriptions disclose ({@link ReadingProvenance},
 * {@link AnalysisProvenance}, {@link ObservationNetwork}). Everything is read through the views of what is in service:
 * a retired datastream's readings have no provenance here, as they have no door.
 */
public interface ProvenanceFacts {

    /**
     * One observation (a SensorThings Observation: a datastream's value, at one time or moved to another by a PATCH) with
     * every version stored of it since it was given, oldest first: the first as it arrived and flagged, then the reviews'
     * corrections and rejections, PATCHes and a retraction.
     *
     * @param well    the well it was measured at; null at a weather station
     * @param sensor  the sensor that measured it (its data logger's MN is {@code sensor.mn()})
     * @param lab     the laboratory's details, for a reading imported from a lab report; else null
     * @param reviews the review tasks whose window covers it, in the order they were opened
     */
    record Observation(Datastream datastream, Parameter parameter, Well well, Sensor sensor, List<Reading> versions, List<Review> reviews,
                       LabResult lab) {

        public Observation {
            versions = List.copyOf(versions);
            reviews = List.copyOf(reviews);
        }

        /** The version current now; null when the observation was retracted. */
        public Reading current() {
            return versions.stream().filter(Reading::current).findFirst().orElse(null);
        }
    }

    /**
     * A review task: a run of flagged readings of one datastream, and what a reviewer decided of them.
     *
     * @param status OPEN, ACCEPTED, CORRECTED or REJECTED
     * @param decidedBy the reviewer's account; null while open
     */
    record Review(long id, long datastreamId, Instant firstTime, Instant lastTime, int flags, Instant openedAt, String status,
                  String decidedBy, Instant decidedAt, String reason, Double correctedValue) {}

    /** What a laboratory said of a sample: its ids and detection limit. */
    record LabResult(String sampleId, String labReportId, Double detectionLimit, boolean nonDetect) {}

    /**
     * An incident's stored analysis. The model, its version and the windows are null for analyses stored before they were
     * recorded.
     *
     * @param aquiferId the aquifer the analysis ran in: the incident's well's, else the park's shallowest unconfined one
     * @param drillId the drill the incident belongs to (its analysis read the drill's simulated readings); null for a real one
     */
    record IncidentAnalysisRecord(long incidentId, String parameterCode, Long wellId, long aquiferId, String aquiferCode, Instant openedAt,
                                  String state, Instant analysedAt, Double thresholdMgPerL, Integer realizations, Double flowAzimuthDeg,
                                  Double seepageVelocity, String topSourceCode, Double topSourceProbability, String model, String modelVersion,
                                  Instant headsFrom, Instant headsTo, Instant traceFrom, Instant traceTo, Long drillId) {}

    /** A stored plume outline, as the {@code plumes} feature type publishes it (its id is the feature's). */
    record PlumeRecord(long id, String parameterCode, String sourceCode, Instant validTime, String band, double threshold, String method,
                       String modelVersion) {}

    /** The observation a reading (any version of it) belongs to; empty when there is no such reading in service. */
    Optional<Observation> observationOf(long readingId);

    /**
     * The observations with a decided review (corrected, rejected or accepted), those of the most recently decided
     * tasks first, at most {@code maxTasks} tasks and {@code maxObservations} observations.
     */
    List<Observation> reviewedObservations(int maxTasks, int maxObservations);

    Optional<IncidentAnalysisRecord> incidentAnalysis(long incidentId);

    Optional<PlumeRecord> plume(long plumeId);

    /** The datastreams in service of a parameter at the wells of an aquifer (what an incident's analysis reads). */
    List<Datastream> datastreamsIn(long aquiferId, String parameterCode);

    List<Well> wells();

    List<Datastream> datastreams();

    List<Parameter> parameters();
}
