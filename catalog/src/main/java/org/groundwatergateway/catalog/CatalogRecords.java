package org.groundwatergateway.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.groundwatergateway.core.geo.GeoJson;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The catalog's datasets as OGC API – Records (Part 1, the GeoJSON record encoding), read out of the viewer's DCAT
 * catalog, so the records list exactly the datasets, distributions and periods that catalog does, and nothing more: one
 * record per dataset, its id the dataset's identifier with {@code /} written as {@code .} (a path segment), its geometry
 * the park, its time the dataset's period, and a link per distribution.
 */
public final class CatalogRecords {

    public static final String RECORD_CORE = "http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core";

    private final Model catalog;
    private final String root;
    private final String language;

    /** @param english whether titles and descriptions are given in English (else Chinese) */
    public CatalogRecords(Model catalog, String root, boolean english) {
        this.catalog = catalog;
        this.root = root;
        this.language = english ? "en" : "zh";
    }

    /** The records' collection: what it is and where its items are. */
    public Map<String, Object> collection() {
        Resource described = catalog.getResource(root + "/catalog");
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("id", "records");
        collection.put("type", "Collection");
        collection.put("itemType", "record");
        collection.put("title", text(described, DCTerms.title));
        collection.put("description", text(described, DCTerms.description));
        collection.put("conformsTo", List.of(RECORD_CORE));
        collection.put("links", List.of(link(root + "/catalog/records", "self", "application/json", null),
                link(root + "/catalog/records/items", "items", "application/geo+json", null),
                link(root + "/catalog", "alternate", "text/turtle", "DCAT-AP")));
        return collection;
    }

    /** The record id of a dataset identifier. */
    public static String recordId(String identifier) {
        return identifier.replace('/', '.');
    }

    /** Every record, in the order of their ids. */
    public List<Map<String, Object>> all() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Resource dataset : datasets()) records.add(record(dataset));
        return records;
    }

    public Optional<Map<String, Object>> one(String id) {
        return datasets().stream().filter(d -> recordId(identifier(d)).equals(id)).findFirst().map(this::record);
    }

    private List<Resource> datasets() {
        return catalog.listSubjectsWithProperty(RDF.type, Vocabulary.Dataset).toList().stream()
                .sorted(Comparator.comparing(d -> recordId(identifier(d)))).toList();
    }

    private Map<String, Object> record(Resource dataset) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", "dataset");
        properties.put("title", text(dataset, DCTerms.title));
        properties.put("description", text(dataset, DCTerms.description));
        properties.put("keywords", dataset.listProperties(Vocabulary.keyword).mapWith(Statement::getLiteral)
                .filterKeep(l -> language.equals(l.getLanguage())).mapWith(l -> l.getLexicalForm()).toList());
        properties.put("language", Map.of("code", language));
        List<Map<String, Object>> themes = new ArrayList<>();
        for (Resource theme : objects(dataset, Vocabulary.theme)) {
            Resource scheme = theme.getPropertyResourceValue(Vocabulary.inScheme);
            themes.add(Map.of("concepts", List.of(Map.of("id", theme.getURI(), "title", text(theme, Vocabulary.prefLabel))),
                    "scheme", scheme == null ? "" : scheme.getURI()));
        }
        properties.put("themes", themes);
        Resource license = dataset.getPropertyResourceValue(DCTerms.license);
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(dataset.getURI(), "describedby", "text/turtle", text(dataset, DCTerms.title) + " (DCAT)"));
        List<String> formats = new ArrayList<>();
        for (Resource distribution : objects(dataset, Vocabulary.distribution)) {
            Resource access = distribution.getPropertyResourceValue(Vocabulary.accessURL);
            Resource media = distribution.getPropertyResourceValue(Vocabulary.mediaType);
            String type = media == null ? null : media.getURI().substring(Vocabulary.IANA_MEDIA_TYPES.length());
            if (type != null && !formats.contains(type)) formats.add(type);
            if (license == null) license = distribution.getPropertyResourceValue(DCTerms.license);
            links.add(link(access.getURI(), "item", type, text(distribution, DCTerms.title)));
        }
        properties.put("formats", formats.stream().map(f -> Map.of("mediaType", f)).toList());
        Resource publisher = dataset.getPropertyResourceValue(DCTerms.publisher);
        Resource contact = dataset.getPropertyResourceValue(Vocabulary.contactPoint);
        if (publisher != null) {
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("organization", text(publisher, Vocabulary.name));
            if (contact != null && contact.getPropertyResourceValue(Vocabulary.hasEmail) != null) {
                who.put("emails", List.of(Map.of("value", contact.getPropertyResourceValue(Vocabulary.hasEmail).getURI().replaceFirst("^mailto:", ""))));
            }
            who.put("roles", List.of("publisher"));
            properties.put("contacts", List.of(who));
        }
        if (license != null) {
            properties.put("license", "other");
            links.add(link(license.getURI(), "license", "text/html", null));
        }
        Map<String, Object> record = new LinkedHashMap<>(GeoJson.feature(recordId(identifier(dataset)), geometry(dataset), properties));
        record.put("conformsTo", List.of(RECORD_CORE));
        record.put("time", time(dataset));
        links.add(link(root + "/catalog/records/items/" + recordId(identifier(dataset)), "self", "application/geo+json", null));
        links.add(link(root + "/catalog/records", "collection", "application/json", null));
        record.put("links", links);
        return record;
    }

    /** The dataset's period as a closed interval, or null (a record without time). */
    private Map<String, Object> time(Resource dataset) {
        Resource period = dataset.getPropertyResourceValue(DCTerms.temporal);
        if (period == null) return null;
        return Map.of("interval", List.of(period.getProperty(Vocabulary.startDate).getString(), period.getProperty(Vocabulary.endDate).getString()));
    }

    /** The union of the dataset's places (the park), or null. */
    private Geometry geometry(Resource dataset) {
        Geometry union = null;
        WKTReader reader = new WKTReader();
        for (Resource location : objects(dataset, DCTerms.spatial)) {
            Resource shape = location.getPropertyResourceValue(Vocabulary.geometry);
            if (shape == null || !shape.hasProperty(Vocabulary.asWKT)) continue;
            try {
                Geometry g = reader.read(shape.getProperty(Vocabulary.asWKT).getString());
                union = union == null ? g : union.union(g);
            } catch (ParseException e) {
                throw new IllegalStateException("the catalog wrote WKT it cannot read", e);
            }
        }
        return union;
    }

    private static List<Resource> objects(Resource subject, Property property) {
        return subject.listProperties(property).mapWith(Statement::getObject).filterKeep(RDFNode::isResource).mapWith(RDFNode::asResource).toList();
    }

    /** The text in the records' language, else any. */
    private String text(Resource subject, Property property) {
        String any = null;
        for (Statement s : subject.listProperties(property).toList()) {
            if (!s.getObject().isLiteral()) continue;
            if (language.equals(s.getLanguage())) return s.getString();
            if (any == null) any = s.getString();
        }
        return any;
    }

    private static String identifier(Resource dataset) {
        return dataset.getProperty(DCTerms.identifier).getString();
    }

    private static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        if (type != null) link.put("type", type);
        if (title != null) link.put("title", title);
        return link;
    }
}
