package org.groundwatergateway.catalog;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/** The serializations the catalog is offered in, by media type and by the short name of a {@code f} parameter. */
public enum CatalogFormat {
    TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY),
    JSON_LD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY),
    RDF_XML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PRETTY),
    N_TRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES);

    private final String mediaType;
    private final String shortName;
    private final RDFFormat format;

    CatalogFormat(String mediaType, String shortName, RDFFormat format) {
        this.mediaType = mediaType;
        this.shortName = shortName;
        this.format = format;
    }

    public String mediaType() {
        return mediaType;
    }

    public String shortName() {
        return shortName;
    }

    public static Optional<CatalogFormat> ofMediaType(String type) {
        String bare = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(bare)).findFirst();
    }

    public static Optional<CatalogFormat> ofShortName(String name) {
        return Arrays.stream(values()).filter(f -> f.shortName.equalsIgnoreCase(name.trim())).findFirst();
    }

    public void write(Model model, OutputStream out) {
        RDFDataMgr.write(out, model, format);
    }
}
