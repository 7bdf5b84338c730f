package org.groundwatergateway.catalog;

import static org.groundwatergateway.catalog.LinkedVocabulary.*;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * One page of a catalog for harvesters, as Hydra pages a collection (the DCAT-AP paging convention harvesters such as
 * CKAN's read): the catalog with the page's datasets, in the order of their URIs, and what they reach (distributions,
 * periods, services, publisher), a {@code hydra:PartialCollectionView} with the first, previous, next and last pages, and
 * the number of datasets in all. A data service lists only the page's datasets it serves.
 *
 * @param model    the page
 * @param lastPage the number of the last page (1 for a catalog that fits on one)
 */
public record CatalogPage(Model model, int page, int lastPage) {

    /** The most datasets a page may hold, so one request cannot ask for an unbounded answer's worth of work twice. */
    public static final int MAX_PAGE_SIZE = 1000;

    /**
     * @param catalogUri the catalog's URI, which is also the base of the pages' URIs ({@code ?page=2&pageSize=100})
     * @throws InvalidInput for a page below 1 or beyond the last, or a page size outside 1 to {@link #MAX_PAGE_SIZE}
     */
    public static CatalogPage of(Model full, String catalogUri, int page, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new InvalidInput("catalog.page.size", "pageSize", pageSize, MAX_PAGE_SIZE);
        Resource catalog = full.getResource(catalogUri);
        List<Resource> datasets = full.listObjectsOfProperty(catalog, Vocabulary.dataset).mapWith(RDFNode::asResource).toList().stream()
                .sorted(Comparator.comparing(Resource::getURI)).toList();
        int lastPage = Math.max(1, (datasets.size() + pageSize - 1) / pageSize);
        if (page < 1 || page > lastPage) throw new InvalidInput("catalog.page.beyond", "page", page, lastPage);
        Set<Resource> elsewhere = new HashSet<>(datasets);
        elsewhere.removeAll(datasets.subList((page - 1) * pageSize, Math.min(datasets.size(), page * pageSize)));

        Model model = ModelFactory.createDefaultModel().setNsPrefixes(full.getNsPrefixMap()).setNsPrefix("hydra", HYDRA);
        // Everything the catalog reaches, except through the other pages' datasets.
        Set<Resource> seen = new HashSet<>();
        Deque<Resource> pending = new ArrayDeque<>(List.of(catalog));
        while (!pending.isEmpty()) {
            Resource next = pending.pop();
            if (!seen.add(next)) continue;
            for (Statement statement : full.listStatements(next, null, (RDFNode) null).toList()) {
                RDFNode object = statement.getObject();
                if (object.isResource() && elsewhere.contains(object.asResource())) continue;
                model.add(statement);
                if (object.isResource()) pending.push(object.asResource());
            }
        }
        Resource view = model.createResource(uri(catalogUri, page, pageSize), PartialCollectionView)
                .addProperty(first, model.createResource(uri(catalogUri, 1, pageSize)))
                .addProperty(last, model.createResource(uri(catalogUri, lastPage, pageSize)));
        if (page > 1) view.addProperty(previous, model.createResource(uri(catalogUri, page - 1, pageSize)));
        if (page < lastPage) view.addProperty(next, model.createResource(uri(catalogUri, page + 1, pageSize)));
        model.getResource(catalogUri).addProperty(LinkedVocabulary.view, view).addLiteral(totalItems, (long) datasets.size());
        return new CatalogPage(model, page, lastPage);
    }

    /** A page's URI. */
    public static String uri(String catalogUri, int page, int pageSize) {
        return catalogUri + "?page=" + page + "&pageSize=" + pageSize;
    }
}
