package org.groundwatergateway.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.sharing.Datasets;

/**
 * The graph SPARQL queries run on: the viewer's DCAT catalog ({@link DcatCatalog}), the monitoring network
 * ({@link ObservationNetwork}: datastreams with their well and parameter, wells with their role) and the provenance
 * chains of the reviewed readings ({@link ReadingProvenance}: raw → flagged → corrected or rejected, by whom), each as the
 * viewer's disclosure allows. Only reviewed readings are in it, those of the {@code maxTasks} most recently decided review
 * tasks and at most {@code maxObservations} readings: the graph stays small; any reading's provenance is at
 * {@code /catalog/readings/{id}/provenance}.
 *
 * <p>The network and chains are described once per set of disclosures (an audience under one policy version) and served
 * again for {@code cacheFor}, as the catalog is: a policy change applies at once, what the store holds shows within that
 * time.
 */
public final class LinkedCatalogGraph {

    /** The most review tasks whose readings' chains are in the graph: the most recently decided. */
    public static final int MAX_TASKS = 200;
    /** The most readings whose chains are in the graph. */
    public static final int MAX_OBSERVATIONS = 2_000;
    private static final int MAX_CACHED = 64;
    private static final String[] PROVENANCE_DATASETS = {Datasets.READINGS, "devices", Datasets.REVIEWERS};

    private final DcatCatalog catalog;
    private final AccessPolicy policy;
    private final ProvenanceFacts facts;
    private final ObservationNetwork network;
    private final ReadingProvenance provenance;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<List<Object>, Described> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Described> eldest) {
            return size() > MAX_CACHED;
        }
    };

    private record Described(Model model, Instant at) {}

    public LinkedCatalogGraph(DcatCatalog catalog, AccessPolicy policy, ProvenanceFacts facts, Clock clock, Duration cacheFor) {
        if (cacheFor.isNegative()) throw new IllegalArgumentException("the graph's cache time cannot be negative");
        this.catalog = catalog;
        this.policy = policy;
        this.facts = facts;
        this.network = new ObservationNetwork(policy, facts);
        this.provenance = new ReadingProvenance(policy, facts, clock);
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /**
     * The viewer's graph: its catalog and its share of the network and provenance, as one read-only union. It may be
     * shared with other callers: read it, never change it.
     *
     * @param root the gateway's public root URL, without a trailing slash
     */
    public Model describe(Viewer viewer, String root) {
        return ModelFactory.createUnion(catalog.describe(viewer, root), linked(viewer, root));
    }

    private Model linked(Viewer viewer, String root) {
        if (cacheFor.isZero()) return write(viewer, root);
        List<Object> key = new ArrayList<>();
        key.add(root);
        for (String dataset : ObservationNetwork.DATASETS) key.add(policy.disclose(viewer, dataset));
        for (String dataset : PROVENANCE_DATASETS) key.add(policy.disclose(viewer, dataset));
        Instant now = clock.instant();
        synchronized (cache) {
            Described described = cache.get(key);
            if (described != null && now.isBefore(described.at().plus(cacheFor))) return described.model();
        }
        Model model = write(viewer, root);
        synchronized (cache) {
            cache.put(key, new Described(model, now));
        }
        return model;
    }

    private Model write(Viewer viewer, String root) {
        Model model = ModelFactory.createDefaultModel();
        ReadingProvenance.prefixes(model, root);
        network.describe(model, viewer, root);
        ReadingProvenance.Audience audience = provenance.audience(viewer);
        if (audience.seesReadings()) provenance.describeAll(model, facts.reviewedObservations(MAX_TASKS, MAX_OBSERVATIONS), audience, root);
        return model;
    }
}
