package org.groundwatergateway.policies.sharing;

import org.groundwatergateway.policies.Disclosure;
import java.util.List;
import java.util.Optional;

/**
 * Every dataset the platform shares, by the name every door, the sharing policy, the catalog and federation give it.
 * A policy document may name only these (or {@code *}), so a misspelt dataset is refused instead of silently
 * matching nothing. The feature types and entity sets must stay the ones {@code ogc} publishes; a test there checks it.
 */
public final class Datasets {

    /** How a dataset reaches its audience. */
    public enum Kind { FEATURE_TYPE, ENTITY_SET, REST_RESOURCE, REPORT, STREAM, EXPORT, CATALOG, FEDERATION, ADMINISTRATION }

    public record Dataset(String name, Kind kind) {}

    /** The sharing policies themselves ({@code /api/v1/policies}): no policy may hide them from the security administrator. */
    public static final String POLICIES = "policies";
    /** The observations partners share with us, mirrored (issue #19). */
    public static final String FOREIGN_OBSERVATIONS = "foreign_observations";
    /** Readings one by one, through the REST API and its exports: the time series a policy may show as means over time. */
    public static final String READINGS = "readings";
    /** Bulk downloads (a datastream's readings as CSV): a channel the policy opens per audience; what they hold is the data's own disclosure. */
    public static final String EXPORTS = "exports";
    /**
     * Who decided a review: the reviewers' names in the provenance of a reading ({@code /catalog/readings/{id}/provenance},
     * the SPARQL graph). An audience not shown this dataset is told the reviewer's role, not the person.
     */
    public static final String REVIEWERS = "reviewers";

    public static final List<Dataset> ALL = List.of(
            feature("wells"), feature("latest_readings"), feature("plumes"), feature("source_probabilities"), feature("risk_zones"), feature("enterprises"),
            feature("receptors"), feature("potential_sources"), feature("roads"), feature("network_coverage"),
            entitySet("Things"), entitySet("Locations"), entitySet("HistoricalLocations"), entitySet("Datastreams"),
            entitySet("Sensors"), entitySet("ObservedProperties"), entitySet("Observations"), entitySet("FeaturesOfInterest"),
            new Dataset("parks", Kind.REST_RESOURCE), new Dataset("parameters", Kind.REST_RESOURCE),
            new Dataset(READINGS, Kind.REST_RESOURCE), new Dataset("alerts", Kind.REST_RESOURCE),
            new Dataset("devices", Kind.REST_RESOURCE), new Dataset("on_call_contacts", Kind.REST_RESOURCE),
            new Dataset("incidents", Kind.REST_RESOURCE), new Dataset("drills", Kind.REST_RESOURCE),
            new Dataset(REVIEWERS, Kind.REST_RESOURCE),
            new Dataset("incident_reports", Kind.REPORT), new Dataset("drill_reports", Kind.REPORT),
            new Dataset("alert_summary", Kind.REPORT), new Dataset("operations_reports", Kind.REPORT),
            new Dataset("risk_reports", Kind.REPORT), new Dataset("alert_stream", Kind.STREAM),
            new Dataset(EXPORTS, Kind.EXPORT), new Dataset("catalog", Kind.CATALOG),
            new Dataset("federation_feed", Kind.FEDERATION),
            new Dataset(FOREIGN_OBSERVATIONS, Kind.FEDERATION), new Dataset(POLICIES, Kind.ADMINISTRATION));

    private Datasets() {}

    /**
     * The disclosure every door applies to a dataset: what partners share with us is shown as they shared it or not at
     * all (our masks — classes, delays — cannot be applied to values whose parameters and limits we do not hold), so a
     * policy that would mask it hides it; any other dataset's disclosure is the policy's.
     */
    public static Disclosure wholeOrNothing(String dataset, Disclosure disclosure) {
        return FOREIGN_OBSERVATIONS.equals(dataset) && disclosure.masks() ? Disclosure.none() : disclosure;
    }

    public static Optional<Dataset> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private static Dataset feature(String name) {
        return new Dataset(name, Kind.FEATURE_TYPE);
    }

    private static Dataset entitySet(String name) {
        return new Dataset(name, Kind.ENTITY_SET);
    }
}
