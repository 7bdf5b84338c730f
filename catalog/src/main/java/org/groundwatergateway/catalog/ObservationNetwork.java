package org.groundwatergateway.catalog;

import static org.groundwatergateway.catalog.LinkedVocabulary.*;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.published.Door;

/**
 * The monitoring network in the SPARQL graph, so that a query can find datastreams by their well and parameter: each
 * SensorThings Datastream as a {@code sosa:ObservationCollection} with its {@code sosa:observedProperty} (the parameter, a
 * {@code sosa:ObservableProperty}) and its {@code sosa:hasFeatureOfInterest} (the well, a {@code sosa:Platform}; as in
 * SensorThings, where a Thing's Location is its Observations' feature of interest), and each well's role in the network
 * ({@code gwdef:role}: {@code BACKGROUND}, {@code SOURCE_AREA}, {@code DOWNGRADIENT} of a source along the flow, or
 * {@code BOUNDARY_SENTINEL}). URIs are the resolvable ones, {@code /catalog/id/{wells|datastreams|parameters}/{key}}.
 *
 * <p>As the catalog's member datasets: wells are named only where SensorThings would show their Things unrestricted with
 * name and description, parameters likewise their ObservedProperties, datastreams where Datastreams are shown
 * unrestricted; a well's role only where the {@code wells} feature type shows {@code role} unrestricted. No location is
 * written: a place is the feature services' to coarsen.
 */
final class ObservationNetwork {

    private final AccessPolicy policy;
    private final ProvenanceFacts facts;

    ObservationNetwork(AccessPolicy policy, ProvenanceFacts facts) {
        this.policy = policy;
        this.facts = facts;
    }

    /** The disclosures the network's description depends on, for a cache key. */
    static final String[] DATASETS = {"Things", "ObservedProperties", "Datastreams", "wells"};

    void describe(Model model, Viewer viewer, String root) {
        Disclosure things = policy.disclose(viewer, "Things");
        Disclosure properties = policy.disclose(viewer, "ObservedProperties");
        Disclosure datastreams = policy.disclose(viewer, "Datastreams");
        Disclosure wells = policy.disclose(viewer, "wells");
        boolean wellsNamed = listed(things) && things.shows("name") && things.shows("description");
        boolean parametersNamed = listed(properties) && properties.shows("name") && properties.shows("description");
        boolean roles = wellsNamed && wells.visible() && wells.restrictedTo().isEmpty() && wells.ownership() == null && wells.area() == null
                && wells.shows("role");
        Map<Long, Resource> wellsById = new HashMap<>();
        if (wellsNamed) {
            for (Well well : facts.wells()) {
                Resource resource = well(model, root, well, null);
                if (roles) resource.addProperty(def(root, "role"), well.role().name());
                wellsById.put(well.id(), resource);
            }
        }
        List<Datastream> inService = facts.datastreams();
        Set<Long> observed = inService.stream().map(Datastream::parameterId).collect(Collectors.toSet());
        Map<Long, Resource> parametersById = new HashMap<>();
        if (parametersNamed) {
            // The parameters SensorThings lists as ObservedProperties: those some datastream observes.
            for (Parameter parameter : facts.parameters()) {
                if (observed.contains(parameter.id())) parametersById.put(parameter.id(), parameter(model, root, parameter));
            }
        }
        if (!listed(datastreams)) return;
        for (Datastream datastream : inService) {
            Resource resource = datastream(model, root, datastream.id()).addProperty(DCTerms.identifier, datastream.code());
            Resource parameter = parametersById.get(datastream.parameterId());
            if (parameter != null) resource.addProperty(observedProperty, parameter);
            Resource well = datastream.wellId() == null ? null : wellsById.get(datastream.wellId());
            if (well != null) resource.addProperty(hasFeatureOfInterest, well);
        }
    }

    private static boolean listed(Disclosure disclosure) {
        return DoorRules.serves(Door.SENSORTHINGS, disclosure) && disclosure.restrictedTo().isEmpty();
    }

    static Resource datastream(Model model, String root, long id) {
        return model.createResource(LinkedUris.DATASTREAMS.of(root, id), ObservationCollection);
    }

    /** A parameter: its code and names (national reference data, shown to every audience that sees readings). */
    static Resource parameter(Model model, String root, Parameter parameter) {
        Resource resource = model.createResource(LinkedUris.PARAMETERS.of(root, parameter.code()), ObservableProperty);
        if (resource.hasProperty(DCTerms.identifier)) return resource;
        return resource.addProperty(DCTerms.identifier, parameter.code()).addProperty(label, parameter.nameZh(), "zh")
                .addProperty(label, parameter.nameEn(), "en");
    }

    /** A well by its code, with its Chinese name where {@code wells} (if given) shows it; never its place. */
    static Resource well(Model model, String root, Well well, Disclosure wells) {
        Resource resource = model.createResource(LinkedUris.WELLS.of(root, well.code()), Platform).addProperty(RDF.type, FeatureOfInterest);
        if (resource.hasProperty(DCTerms.identifier)) return resource;
        resource.addProperty(DCTerms.identifier, well.code());
        if (wells == null || wells.shows("name_zh")) resource.addProperty(label, well.nameZh(), "zh");
        return resource;
    }
}
