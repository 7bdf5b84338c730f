package org.groundwatergateway.catalog;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsWriter;

/** The SPARQL 1.1 result formats of SELECT and ASK, by media type and by the short name of a {@code format} parameter. */
public enum SparqlResultFormat {
    JSON("application/sparql-results+json", "json", ResultSetLang.RS_JSON),
    XML("application/sparql-results+xml", "xml", ResultSetLang.RS_XML),
    CSV("text/csv", "csv", ResultSetLang.RS_CSV),
    TSV("text/tab-separated-values", "tsv", ResultSetLang.RS_TSV);

    private final String mediaType;
    private final String shortName;
    private final Lang lang;

    SparqlResultFormat(String mediaType, String shortName, Lang lang) {
        this.mediaType = mediaType;
        this.shortName = shortName;
        this.lang = lang;
    }

    public String mediaType() {
        return mediaType;
    }

    public String shortName() {
        return shortName;
    }

    public static Optional<SparqlResultFormat> ofShortName(String name) {
        return Arrays.stream(values()).filter(f -> f.shortName.equals(name.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    public void write(SparqlResult result, OutputStream out) {
        ResultsWriter writer = ResultsWriter.create().lang(lang).build();
        if (result instanceof SparqlResult.Rows rows) {
            writer.write(out, rows.rows());
        } else if (result instanceof SparqlResult.Answer answer) {
            writer.write(out, answer.yes());
        } else {
            throw new IllegalArgumentException("a graph is written as RDF, not as " + mediaType);
        }
    }
}
