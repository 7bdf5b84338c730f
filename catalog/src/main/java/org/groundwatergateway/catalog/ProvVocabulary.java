package org.groundwatergateway.catalog;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms provenance and the observation network write: W3C PROV-O, SOSA (2023 edition, whose
 * {@code sosa:ObservationCollection} is a SensorThings Datastream), OWL-Time for an observation's time, and the platform's
 * own few terms under {@code {root}/catalog/def#}, which no standard vocabulary has (a reading's GB/T 14848 class, its
 * QA/QC flags, a review's decision, a well's role).
 */
final class ProvVocabulary {

    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String SOSA = "http://www.w3.org/ns/sosa/";
    static final String TIME = "http://www.w3.org/2006/time#";
    static final String OWL = "http://www.w3.org/2002/07/owl#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    /** The platform's own terms, under the gateway's root. */
    static final String DEF_PATH = "/catalog/def#";

    static final Resource Entity = type(PROV, "Entity");
    static final Resource Activity = type(PROV, "Activity");
    static final Resource Agent = type(PROV, "Agent");
    static final Resource Person = type(PROV, "Person");
    static final Resource SoftwareAgent = type(PROV, "SoftwareAgent");
    static final Resource Organization = type(PROV, "Organization");
    static final Resource Association = type(PROV, "Association");
    static final Resource Role = type(PROV, "Role");
    static final Resource Plan = type(PROV, "Plan");
    static final Resource Collection = type(PROV, "Collection");
    static final Property wasGeneratedBy = property(PROV, "wasGeneratedBy");
    static final Property wasDerivedFrom = property(PROV, "wasDerivedFrom");
    static final Property wasRevisionOf = property(PROV, "wasRevisionOf");
    static final Property hadPrimarySource = property(PROV, "hadPrimarySource");
    static final Property wasAttributedTo = property(PROV, "wasAttributedTo");
    static final Property wasAssociatedWith = property(PROV, "wasAssociatedWith");
    static final Property wasInvalidatedBy = property(PROV, "wasInvalidatedBy");
    static final Property invalidatedAtTime = property(PROV, "invalidatedAtTime");
    static final Property qualifiedAssociation = property(PROV, "qualifiedAssociation");
    static final Property agent = property(PROV, "agent");
    static final Property hadRole = property(PROV, "hadRole");
    static final Property hadPlan = property(PROV, "hadPlan");
    static final Property actedOnBehalfOf = property(PROV, "actedOnBehalfOf");
    static final Property used = property(PROV, "used");
    static final Property hadMember = property(PROV, "hadMember");
    static final Property generatedAtTime = property(PROV, "generatedAtTime");
    static final Property startedAtTime = property(PROV, "startedAtTime");
    static final Property endedAtTime = property(PROV, "endedAtTime");
    static final Property value = property(PROV, "value");

    static final Resource Observation = type(SOSA, "Observation");
    static final Resource ObservationCollection = type(SOSA, "ObservationCollection");
    static final Resource Platform = type(SOSA, "Platform");
    static final Resource Sensor = type(SOSA, "Sensor");
    static final Resource FeatureOfInterest = type(SOSA, "FeatureOfInterest");
    static final Resource ObservableProperty = type(SOSA, "ObservableProperty");
    static final Property hasMember = property(SOSA, "hasMember");
    static final Property observedProperty = property(SOSA, "observedProperty");
    static final Property hasFeatureOfInterest = property(SOSA, "hasFeatureOfInterest");
    static final Property madeBySensor = property(SOSA, "madeBySensor");
    static final Property isHostedBy = property(SOSA, "isHostedBy");
    static final Property phenomenonTime = property(SOSA, "phenomenonTime");

    static final Resource TimeInstant = type(TIME, "Instant");
    static final Property inXSDDateTimeStamp = property(TIME, "inXSDDateTimeStamp");

    static final Property versionInfo = property(OWL, "versionInfo");
    static final Property label = property(RDFS, "label");
    static final Property comment = property(RDFS, "comment");

    private ProvVocabulary() {}

    /** A term of the platform's own vocabulary under the root: {@code {root}/catalog/def#local}. */
    static Property def(String root, String local) {
        return ResourceFactory.createProperty(root + DEF_PATH, local);
    }

    private static Resource type(String namespace, String local) {
        return ResourceFactory.createResource(namespace + local);
    }

    private static Property property(String namespace, String local) {
        return ResourceFactory.createProperty(namespace, local);
    }
}
