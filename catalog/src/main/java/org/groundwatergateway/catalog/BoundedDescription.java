package org.groundwatergateway.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * One resource of a described graph on its own: its concise bounded description (its statements, and those of the blank
 * nodes they reach), with the types and names of the resources it links to, so a page about it can name its links. This
 * is how the catalog's own URIs (datasets, distributions, services, quality measurements) are dereferenced: out of the
 * viewer's catalog, so a dataset the viewer's catalog does not list is not found.
 */
public final class BoundedDescription {

    private static final List<Property> NAMES = List.of(DCTerms.title, Vocabulary.prefLabel, Vocabulary.name, LinkedVocabulary.label, RDF.type);

    private BoundedDescription() {}

    /** The resource's description, or empty when the graph says nothing about it. */
    public static Optional<Model> of(Model graph, String uri) {
        Resource subject = graph.getResource(uri);
        if (!graph.contains(subject, null, (RDFNode) null)) return Optional.empty();
        Model out = ModelFactory.createDefaultModel().setNsPrefixes(graph.getNsPrefixMap());
        Set<Resource> seen = new HashSet<>();
        Deque<Resource> pending = new ArrayDeque<>(List.of(subject));
        while (!pending.isEmpty()) {
            Resource next = pending.pop();
            if (!seen.add(next)) continue;
            for (Statement statement : graph.listStatements(next, null, (RDFNode) null).toList()) {
                out.add(statement);
                RDFNode object = statement.getObject();
                if (object.isAnon()) pending.push(object.asResource());
                else if (object.isURIResource()) named(graph, object.asResource(), out);
            }
        }
        return Optional.of(out);
    }

    private static void named(Model graph, Resource linked, Model out) {
        for (Property property : NAMES) out.add(graph.listStatements(linked, property, (RDFNode) null).toList());
    }
}
