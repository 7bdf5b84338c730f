package org.groundwatergateway.catalog;

import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;

/** A query the SPARQL parser refused, with where it stopped, so a client can point at the place. */
public final class SparqlSyntaxError extends CataloguedRefusal {

    private final int line;
    private final int column;

    SparqlSyntaxError(int line, int column, String parserMessage) {
        super(new InvalidInput("catalog.sparql.syntax", "query", line, column, parserMessage));
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
