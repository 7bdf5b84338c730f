package org.groundwatergateway.catalog;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms the linked resources and provenance write beyond the catalog's own ({@link Vocabulary}): SOSA/SSN for wells,
 * sensors and datastreams, SKOS for the parameter vocabulary, QUDT for units, DQV for quality measurements, Hydra for
 * paging, W3C PROV-O and OWL-Time for provenance, and the few terms of the platform's own ({@code /catalog/def#}) no
 * standard vocabulary has (the GB/T 14848 class limits, a reading's class and QA/QC flags, a review's decision, a well's role).
 */
final class LinkedVocabulary {

    static final String SOSA = "http://www.w3.org/ns/sosa/";
    static final String SSN = "http://www.w3.org/ns/ssn/";
    static final String QUDT = "http://qudt.org/schema/qudt/";
    static final String UNIT = "http://qudt.org/vocab/unit/";
    static final String DQV = "http://www.w3.org/ns/dqv#";
    static final String LDQD = "http://www.w3.org/2016/05/ldqd#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String SCHEMA = "https://schema.org/";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String TIME = "http://www.w3.org/2006/time#";
    /** The platform's own terms, under the gateway's root: {@code {root}/catalog/def#}. */
    static final String DEF_PATH = "/catalog/def#";

    static final Resource Platform = type(SOSA, "Platform");
    static final Resource Sensor = type(SOSA, "Sensor");
    static final Resource FeatureOfInterest = type(SOSA, "FeatureOfInterest");
    static final Resource ObservableProperty = type(SOSA, "ObservableProperty");
    static final Resource ObservationCollection = type(SOSA, "ObservationCollection");
    static final Property hosts = property(SOSA, "hosts");
    static final Property isHostedBy = property(SOSA, "isHostedBy");
    static final Property observes = property(SOSA, "observes");
    static final Property observedProperty = property(SOSA, "observedProperty");
    static final Property madeBySensor = property(SOSA, "madeBySensor");
    static final Property hasFeatureOfInterest = property(SOSA, "hasFeatureOfInterest");
    static final Property isFeatureOfInterestOf = property(SOSA, "isFeatureOfInterestOf");

    static final Property notation = property(Vocabulary.SKOS, "notation");
    static final Property definition = property(Vocabulary.SKOS, "definition");
    static final Property hasTopConcept = property(Vocabulary.SKOS, "hasTopConcept");
    static final Property topConceptOf = property(Vocabulary.SKOS, "topConceptOf");
    static final Property altLabel = property(Vocabulary.SKOS, "altLabel");

    static final Property qudtUnit = property(QUDT, "unit");
    static final Property ucumCode = property(QUDT, "ucumCode");
    static final Property symbol = property(QUDT, "symbol");
    static final Resource QudtUnit = type(QUDT, "Unit");

    static final Resource QualityMeasurement = type(DQV, "QualityMeasurement");
    static final Resource DqvMetric = type(DQV, "Metric");
    static final Resource Dimension = type(DQV, "Dimension");
    static final Property hasQualityMeasurement = property(DQV, "hasQualityMeasurement");
    static final Property isMeasurementOf = property(DQV, "isMeasurementOf");
    static final Property computedOn = property(DQV, "computedOn");
    static final Property dqvValue = property(DQV, "value");
    static final Property expectedDataType = property(DQV, "expectedDataType");
    static final Property inDimension = property(DQV, "inDimension");
    static final Property generatedAtTime = property(PROV, "generatedAtTime");

    static final Resource PartialCollectionView = type(HYDRA, "PartialCollectionView");
    static final Property view = property(HYDRA, "view");
    static final Property totalItems = property(HYDRA, "totalItems");
    static final Property first = property(HYDRA, "first");
    static final Property previous = property(HYDRA, "previous");
    static final Property next = property(HYDRA, "next");
    static final Property last = property(HYDRA, "last");

    static final Property minValue = property(SCHEMA, "minValue");
    static final Property maxValue = property(SCHEMA, "maxValue");
    static final Property unitCode = property(SCHEMA, "unitCode");
    static final Resource QuantitativeValue = type(SCHEMA, "QuantitativeValue");

    static final Resource GspFeature = type(Vocabulary.GSP, "Feature");
    static final Property hasGeometry = property(Vocabulary.GSP, "hasGeometry");
    static final Property label = property(RDFS, "label");
    static final Property seeAlso = property(RDFS, "seeAlso");

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
    static final Property startedAtTime = property(PROV, "startedAtTime");
    static final Property endedAtTime = property(PROV, "endedAtTime");
    static final Property provValue = property(PROV, "value");
    static final Resource Observation = type(SOSA, "Observation");
    static final Property hasMember = property(SOSA, "hasMember");
    static final Property phenomenonTime = property(SOSA, "phenomenonTime");
    static final Resource TimeInstant = type(TIME, "Instant");
    static final Property inXSDDateTimeStamp = property(TIME, "inXSDDateTimeStamp");
    static final Property versionInfo = property(org.apache.jena.vocabulary.OWL.NS, "versionInfo");
    static final Property comment = property(RDFS, "comment");

    private LinkedVocabulary() {}

    /** A term of the platform's own vocabulary under the root. */
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
