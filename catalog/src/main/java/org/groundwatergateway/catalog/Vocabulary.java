package org.groundwatergateway.catalog;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms of DCAT 3, GeoSPARQL, ISA Core Location and the EU authority tables the catalog writes that Jena's own
 * vocabulary classes lack (they stop at DCAT 2), named as the specifications name them.
 */
final class Vocabulary {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String LOCN = "http://www.w3.org/ns/locn#";
    static final String GSP = "http://www.opengis.net/ont/geosparql#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String EU_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
    static final String EU_THEME = "http://publications.europa.eu/resource/authority/data-theme";
    static final String EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/";
    static final String IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";

    static final Resource Catalog = type(DCAT, "Catalog");
    static final Resource Dataset = type(DCAT, "Dataset");
    static final Resource Distribution = type(DCAT, "Distribution");
    static final Resource DataService = type(DCAT, "DataService");
    static final Property dataset = property(DCAT, "dataset");
    static final Property service = property(DCAT, "service");
    static final Property distribution = property(DCAT, "distribution");
    static final Property accessURL = property(DCAT, "accessURL");
    static final Property downloadURL = property(DCAT, "downloadURL");
    static final Property accessService = property(DCAT, "accessService");
    static final Property endpointURL = property(DCAT, "endpointURL");
    static final Property endpointDescription = property(DCAT, "endpointDescription");
    static final Property servesDataset = property(DCAT, "servesDataset");
    static final Property mediaType = property(DCAT, "mediaType");
    static final Property keyword = property(DCAT, "keyword");
    static final Property theme = property(DCAT, "theme");
    static final Property themeTaxonomy = property(DCAT, "themeTaxonomy");
    static final Property contactPoint = property(DCAT, "contactPoint");
    static final Property startDate = property(DCAT, "startDate");
    static final Property endDate = property(DCAT, "endDate");
    static final Property bbox = property(DCAT, "bbox");
    static final Property landingPage = property(DCAT, "landingPage");

    static final Resource Frequency = type(DCT, "Frequency");
    static final Resource LicenseDocument = type(DCT, "LicenseDocument");
    static final Resource Location = type(DCT, "Location");
    static final Resource PeriodOfTime = type(DCT, "PeriodOfTime");
    static final Resource MediaType = type(DCT, "MediaType");
    static final Resource Standard = type(DCT, "Standard");
    static final Resource LinguisticSystem = type(DCT, "LinguisticSystem");

    static final Resource Agent = type(FOAF, "Agent");
    static final Resource Organization = type(FOAF, "Organization");
    static final Resource Document = type(FOAF, "Document");
    static final Property name = property(FOAF, "name");
    static final Property homepage = property(FOAF, "homepage");

    static final Resource Kind = type(VCARD, "Kind");
    static final Resource VcardOrganization = type(VCARD, "Organization");
    static final Property fn = property(VCARD, "fn");
    static final Property hasEmail = property(VCARD, "hasEmail");
    static final Property hasURL = property(VCARD, "hasURL");

    static final Resource LocnGeometry = type(LOCN, "Geometry");
    static final Property geometry = property(LOCN, "geometry");
    static final Resource GspGeometry = type(GSP, "Geometry");
    static final Property asWKT = property(GSP, "asWKT");
    static final String WKT_LITERAL = GSP + "wktLiteral";

    static final Resource Concept = type(SKOS, "Concept");
    static final Resource ConceptScheme = type(SKOS, "ConceptScheme");
    static final Property prefLabel = property(SKOS, "prefLabel");
    static final Property inScheme = property(SKOS, "inScheme");

    private Vocabulary() {}

    private static Resource type(String namespace, String local) {
        return ResourceFactory.createResource(namespace + local);
    }

    private static Property property(String namespace, String local) {
        return ResourceFactory.createProperty(namespace, local);
    }
}
