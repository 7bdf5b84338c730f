package org.groundwatergateway.catalog;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpProcedure;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_StrAfter;
import org.apache.jena.sparql.expr.E_StrBefore;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrSubstring;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.path.P_Path0;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.update.UpdateFactory;
import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.Viewer;

/**
 * Read-only SPARQL over the caller's own catalog: the graph a query runs on is the catalog {@link DcatCatalog} describes
 * for that caller (cached there for a short while), so it holds only what the caller's disclosure allows.
 * A query may not leave that graph (no SERVICE, no FROM), may not call Java classes by {@code java:} IRIs, may build
 * strings only a few times, runs for at most the timeout, waits for no other query (at most
 * {@code maxConcurrent} run at once; one more is refused as busy) and returns at most the result limit (a larger or
 * missing LIMIT is lowered to it).
 */
public final class CatalogSparql {

    /** The most string-building calls (CONCAT, REPLACE, GROUP_CONCAT ...) one query may make: they can build huge strings. */
    public static final int MAX_STRING_CALLS = 8;
    /** The base of relative IRIs when no public root is given: a name that is no real place. */
    private static final String DEFAULT_BASE = "https://catalog.invalid";
    private static final Set<Class<? extends Expr>> STRING_BUILDERS = Set.of(E_StrConcat.class, E_StrReplace.class, E_StrBefore.class,
            E_StrAfter.class, E_StrEncodeForURI.class, E_StrSubstring.class, E_StrUpperCase.class, E_StrLowerCase.class);
    private static final String XPATH_FUNCTIONS = "http://www.w3.org/2005/xpath-functions#";
    private static final Set<String> XPATH_STRING_BUILDERS = Set.of("concat", "replace", "substring", "substring-before", "substring-after",
            "upper-case", "lower-case", "encode-for-uri", "string-join");

    static {
        // SERVICE is refused below; with the flag off for the whole engine, nothing in this process calls out even if a
        // form slipped past the check.
        ARQ.getContext().set(ARQ.httpServiceAllowed, false);
    }

    /** The graph a query runs on: the viewer's catalog, or more ({@link LinkedCatalogGraph}). */
    private final java.util.function.BiFunction<Viewer, String, org.apache.jena.rdf.model.Model> graph;
    private final Duration timeout;
    private final int maxResults;
    private final Semaphore slots;

    public CatalogSparql(DcatCatalog catalog, Duration timeout, int maxResults) {
        this(catalog, timeout, maxResults, 2);
    }

    /** @param maxConcurrent how many queries may run at once; a query beyond them is refused at once as {@link Busy} */
    public CatalogSparql(DcatCatalog catalog, Duration timeout, int maxResults, int maxConcurrent) {
        this(catalog::describe, timeout, maxResults, maxConcurrent);
    }

    /** Over the catalog, the monitoring network and the reviewed readings' provenance the viewer may see. */
    public CatalogSparql(LinkedCatalogGraph graph, Duration timeout, int maxResults, int maxConcurrent) {
        this(graph::describe, timeout, maxResults, maxConcurrent);
    }

    private CatalogSparql(java.util.function.BiFunction<Viewer, String, org.apache.jena.rdf.model.Model> graph, Duration timeout, int maxResults,
                          int maxConcurrent) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the SPARQL timeout must be positive");
        if (maxResults < 1) throw new IllegalArgumentException("the SPARQL result limit must be at least 1");
        if (maxConcurrent < 1) throw new IllegalArgumentException("the SPARQL concurrency must be at least 1");
        this.graph = graph;
        this.timeout = timeout;
        this.maxResults = maxResults;
        this.slots = new Semaphore(maxConcurrent);
    }

    public int maxResults() {
        return maxResults;
    }

    /** As {@link #parse(String, String)} with a base that names no real place, for callers without a public root. */
    public Query parse(String text) {
        return parse(text, DEFAULT_BASE);
    }

    /**
     * The query, checked before anything runs. Relative IRIs are resolved against the catalog's own URL, never the
     * process's working directory (which would tell the reader where the gateway is installed).
     *
     * @param root the gateway's public root URL, without a trailing slash
     * @throws SparqlSyntaxError with the parser's line and column when it is not SPARQL 1.1
     * @throws InvalidInput when it is missing, an update, reaches outside the caller's catalog, calls {@code java:}
     *                      functions or builds too many strings
     */
    public Query parse(String text, String root) {
        if (text == null || text.isBlank()) throw new InvalidInput("catalog.sparql.missing", "query");
        Query query;
        try {
            query = QueryFactory.create(text, root + "/catalog/", Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            if (isUpdate(text)) throw new InvalidInput("catalog.sparql.update", "query");
            throw new SparqlSyntaxError(e.getLine(), e.getColumn(), firstLine(e.getMessage()));
        } catch (QueryException e) {
            throw new InvalidInput("catalog.sparql.problem", "query", firstLine(e.getMessage()));
        }
        if (query.hasDatasetDescription()) throw new InvalidInput("catalog.sparql.dataset", "query");
        Findings findings;
        try {
            findings = new Findings().op(Algebra.compile(query));
        } catch (QueryException e) {
            throw new InvalidInput("catalog.sparql.problem", "query", firstLine(e.getMessage()));
        }
        if (findings.service) throw new InvalidInput("catalog.sparql.service", "query");
        if (findings.java != null) throw new InvalidInput("catalog.sparql.java", "query", findings.java);
        if (findings.stringCalls > MAX_STRING_CALLS) throw new InvalidInput("catalog.sparql.strings", "query", findings.stringCalls, MAX_STRING_CALLS);
        if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > maxResults)) query.setLimit(maxResults);
        return query;
    }

    /**
     * Runs a parsed query over the viewer's catalog and reads its answer to the end.
     *
     * @param root the gateway's public root URL, without a trailing slash
     * @throws Busy when as many queries as allowed are running already
     * @throws InvalidInput when the query runs longer than the timeout or the engine refuses it
     */
    public SparqlResult run(Query query, Viewer viewer, String root) {
        if (!slots.tryAcquire()) throw new Busy(Math.max(1, timeout.toSeconds()));
        try {
            var dataset = DatasetFactory.wrap(graph.apply(viewer, root));
            try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).set(ARQ.httpServiceAllowed, false)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
                if (query.isSelectType()) return new SparqlResult.Rows(ResultSetFactory.copyResults(execution.execSelect()));
                if (query.isAskType()) return new SparqlResult.Answer(execution.execAsk());
                if (query.isConstructType()) return new SparqlResult.Graph(execution.execConstruct());
                return new SparqlResult.Graph(execution.execDescribe());
            }
        } catch (QueryCancelledException e) {
            throw new InvalidInput("catalog.sparql.timeout", "query", Math.max(1, Math.round(timeout.toMillis() / 1000.0)));
        } catch (QueryException e) {
            // QueryExecException, QueryBuildException, QueryDeniedException ...: the query's fault, not the server's.
            throw new InvalidInput("catalog.sparql.problem", "query", firstLine(e.getMessage()));
        } finally {
            slots.release();
        }
    }

    /** Every query slot is taken: try again after {@link #retryAfterSeconds()}. */
    public static final class Busy extends CataloguedRefusal {

        private final long retryAfterSeconds;

        Busy(long retryAfterSeconds) {
            super(new InvalidInput("catalog.sparql.busy", null, retryAfterSeconds));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
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
     * What the compiled algebra does: whether it calls SERVICE, the first {@code java:} function or property IRI, and how
     * many string-building calls it makes. Every operator is visited, subqueries included, and every expression to the
     * bottom: arguments, aggregators' arguments and the patterns of EXISTS / NOT EXISTS, which Jena's own walkers skip.
     */
    private static final class Findings {
        boolean service;
        String java;
        int stringCalls;
        private final Deque<Op> pending = new ArrayDeque<>();

        Findings op(Op root) {
            pending.push(root);
            while (!pending.isEmpty()) OpWalker.walk(pending.pop(), new Visitor());
            return this;
        }

        private final class Visitor extends OpVisitorBase {
            @Override
            public void visit(OpService op) {
                service = true;
            }

            @Override
            public void visit(OpFilter op) {
                exprs(op.getExprs());
            }

            @Override
            public void visit(OpLeftJoin op) {
                if (op.getExprs() != null) exprs(op.getExprs());
            }

            @Override
            public void visit(OpExtend op) {
                vars(op.getVarExprList());
            }

            @Override
            public void visit(OpAssign op) {
                vars(op.getVarExprList());
            }

            @Override
            public void visit(OpGroup op) {
                vars(op.getGroupVars());
                op.getAggregators().forEach(aggregator -> expr(aggregator));
            }

            @Override
            public void visit(OpOrder op) {
                op.getConditions().forEach(condition -> expr(condition.getExpression()));
            }

            @Override
            public void visit(OpTopN op) {
                op.getConditions().forEach(condition -> expr(condition.getExpression()));
            }

            @Override
            public void visit(OpBGP op) {
                op.getPattern().forEach(Findings.this::triple);
            }

            @Override
            public void visit(OpTriple op) {
                triple(op.getTriple());
            }

            @Override
            public void visit(OpQuadPattern op) {
                op.getPattern().forEach(quad -> triple(quad.asTriple()));
            }

            @Override
            public void visit(OpPath op) {
                path(op.getTriplePath().getPath());
            }

            @Override
            public void visit(OpGraph op) {
                iri(op.getNode());
            }

            @Override
            public void visit(OpPropFunc op) {
                iri(op.getProperty());
            }

            @Override
            public void visit(OpProcedure op) {
                iri(op.getProcId());
                if (op.getArgs() != null) exprs(op.getArgs());
            }
        }

        private void vars(VarExprList list) {
            list.getExprs().values().forEach(this::expr);
        }

        private void exprs(ExprList list) {
            list.forEach(this::expr);
        }

        private void expr(Expr expression) {
            if (expression == null) return;
            if (expression instanceof ExprAggregator aggregated) {
                Aggregator aggregator = aggregated.getAggregator();
                if (aggregator instanceof AggGroupConcat || aggregator instanceof AggGroupConcatDistinct) stringCalls++;
                if (aggregator.getExprList() != null) exprs(aggregator.getExprList());
                return;
            }
            if (!(expression instanceof ExprFunction function)) return;
            if (STRING_BUILDERS.contains(function.getClass())) stringCalls++;
            if (function instanceof E_Function call) {
                String iri = call.getFunctionIRI();
                if (isJava(iri) && java == null) java = iri;
                if (iri != null && iri.startsWith(XPATH_FUNCTIONS) && XPATH_STRING_BUILDERS.contains(iri.substring(XPATH_FUNCTIONS.length()))) {
                    stringCalls++;
                }
            }
            if (function instanceof ExprFunctionOp exists) {
                if (exists.getGraphPattern() != null) pending.push(exists.getGraphPattern());
                else if (exists.getElement() != null) pending.push(Algebra.compile(exists.getElement()));
            }
            function.getArgs().forEach(this::expr);
        }

        private void triple(Triple triple) {
            iri(triple.getSubject());
            iri(triple.getPredicate());
            iri(triple.getObject());
        }

        private void path(Path path) {
            if (path instanceof P_Path0 link) iri(link.getNode());
            if (path instanceof P_Path1 one) path(one.getSubPath());
            if (path instanceof P_Path2 two) {
                path(two.getLeft());
                path(two.getRight());
            }
        }

        private void iri(Node node) {
            if (node != null && node.isURI() && isJava(node.getURI()) && java == null) java = node.getURI();
        }

        private static boolean isJava(String iri) {
            return iri != null && iri.regionMatches(true, 0, "java:", 0, 5);
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
