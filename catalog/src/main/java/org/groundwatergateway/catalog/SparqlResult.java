package org.groundwatergateway.catalog;

import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;

/** What a SPARQL query answered, read to the end within the query's time: rows, a yes or no, or a graph. */
public sealed interface SparqlResult {

    /** A SELECT's rows. */
    record Rows(ResultSetRewindable rows) implements SparqlResult {}

    /** An ASK's answer. */
    record Answer(boolean yes) implements SparqlResult {}

    /** A CONSTRUCT's or DESCRIBE's graph. */
    record Graph(Model graph) implements SparqlResult {}
}
