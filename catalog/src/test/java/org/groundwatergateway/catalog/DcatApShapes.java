package org.groundwatergateway.catalog;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;

/** The pinned DCAT-AP 3.0.0 shapes (the main shapes and the class ranges), for validating catalogs in tests. */
public final class DcatApShapes {

    private static final Shapes SHAPES = Shapes.parse(shapesGraph());

    private DcatApShapes() {}

    public static ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(SHAPES, data);
    }

    /** The violations of a report (warnings and infos are advice, not failures). */
    public static long violations(ValidationReport report) {
        return report.getEntries().stream().filter(e -> Severity.Violation.equals(e.severity())).count();
    }

    /** The report as Turtle, for a failing assertion's message. */
    public static String describe(ValidationReport report) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RDFDataMgr.write(out, report.getModel(), Lang.TURTLE);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Graph shapesGraph() {
        Graph graph = GraphFactory.createDefaultGraph();
        for (String file : new String[] {"/dcat-ap/dcat-ap-3.0.0-SHACL.ttl", "/dcat-ap/dcat-ap-3.0.0-range.ttl"}) {
            try (InputStream in = DcatApShapes.class.getResourceAsStream(file)) {
                if (in == null) throw new IllegalStateException("missing " + file);
                RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }
}
