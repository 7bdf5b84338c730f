package org.groundwatergateway.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.update.UpdateFactory;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.Viewer;

/**
 * Read-only SPARQL over the caller's own catalog: the graph a query runs on is the catalog {@link DcatCatalog} writes for
 * that caller at that moment, so it holds only what the caller's disclosure allows and follows a policy change at once.
 * A query may not leave that graph (no SERVICE, no FROM), runs for at most the timeout and returns at most the
 * result limit (a larger or missing LIMIT is lowered to it).
 */
public final class CatalogSparql {

    private final DcatCatalog catalog;
    private final Duration timeout;
    private final int maxResults;

    public CatalogSparql(DcatCatalog catalog, Duration timeout, int maxResults) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the SPARQL timeout must be positive");
        if (maxResults < 1) throw new IllegalArgumentException("the SPARQL result limit must be at least 1");
        this.catalog = catalog;
        this.timeout = timeout;
        this.maxResults = maxResults;
    }

    public int maxResults() {
        return maxResults;
    }

    /**
     * The query, checked before anything runs.
     *
     * @throws SparqlSyntaxError with the parser's line and column when it is not SPARQL 1.1
     * @throws InvalidInput when it is missing, an update, or reaches outside the caller's catalog
     */
    public Query parse(String text) {
        if (text == null || text.isBlank()) throw new InvalidInput("catalog.sparql.missing", "query");
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            if (isUpdate(text)) throw new InvalidInput("catalog.sparql.update", "query");
            throw new SparqlSyntaxError(e.getLine(), e.getColumn(), firstLine(e.getMessage()));
        }
        if (query.hasDatasetDescription()) throw new InvalidInput("catalog.sparql.dataset", "query");
        if (callsService(query)) throw new InvalidInput("catalog.sparql.service", "query");
        if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > maxResults)) query.setLimit(maxResults);
        return query;
    }

    /**
     * Runs a parsed query over the viewer's catalog and reads its answer to the end.
     *
     * @param root the gateway's public root URL, without a trailing slash
     * @throws InvalidInput when the query runs longer than the timeout
     */
    public SparqlResult run(Query query, Viewer viewer, String root) {
        var dataset = DatasetFactory.wrap(catalog.describe(viewer, root));
        // SERVICE is refused above; the flag keeps the engine from calling out even if a form slipped past the check.
        try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).set(ARQ.httpServiceAllowed, false)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            if (query.isSelectType()) return new SparqlResult.Rows(ResultSetFactory.copyResults(execution.execSelect()));
            if (query.isAskType()) return new SparqlResult.Answer(execution.execAsk());
            if (query.isConstructType()) return new SparqlResult.Graph(execution.execConstruct());
            return new SparqlResult.Graph(execution.execDescribe());
        } catch (QueryCancelledException e) {
            throw new InvalidInput("catalog.sparql.timeout", "query", timeout.toSeconds());
        }
    }

    private static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text);
            return true;
        } catch (RuntimeException notAnUpdateEither) {
            return false;
        }
    }

    /**
     * Whether the query calls SERVICE anywhere: in its pattern, in a subquery, or in an EXISTS of a filter, a BIND or the
     * query's own expressions (projection, grouping, HAVING, ORDER BY), which the syntax walker does not enter alone.
     */
    private static boolean callsService(Query query) {
        AtomicBoolean found = new AtomicBoolean();
        if (query.getQueryPattern() != null && callsService(query.getQueryPattern())) return true;
        List<Expr> expressions = new ArrayList<>(query.getProject().getExprs().values());
        if (query.hasGroupBy()) expressions.addAll(query.getGroupBy().getExprs().values());
        if (query.hasHaving()) expressions.addAll(query.getHavingExprs());
        if (query.hasOrderBy()) query.getOrderBy().forEach(condition -> expressions.add(condition.getExpression()));
        expressions.forEach(expression -> found.compareAndSet(false, callsService(expression)));
        return found.get();
    }

    private static boolean callsService(Element pattern) {
        AtomicBoolean found = new AtomicBoolean();
        ElementWalker.walk(pattern, new ElementVisitorBase() {
            @Override
            public void visit(ElementService service) {
                found.set(true);
            }

            @Override
            public void visit(ElementSubQuery subQuery) {
                if (callsService(subQuery.getQuery())) found.set(true);
            }

            @Override
            public void visit(ElementFilter filter) {
                if (callsService(filter.getExpr())) found.set(true);
            }

            @Override
            public void visit(ElementBind bind) {
                if (callsService(bind.getExpr())) found.set(true);
            }
        });
        return found.get();
    }

    private static boolean callsService(Expr expression) {
        AtomicBoolean found = new AtomicBoolean();
        Walker.walk(expression, new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp exists) {
                if (exists.getElement() != null && callsService(exists.getElement())) found.set(true);
            }
        });
        return found.get();
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
