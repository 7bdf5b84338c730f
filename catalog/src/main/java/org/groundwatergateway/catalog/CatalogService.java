package org.groundwatergateway.catalog;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.groundwatergateway.policies.Viewer;

/** The catalog door: the viewer's catalog, serialized, one page at a time, and any one resource it describes. */
public final class CatalogService {

    private final DcatCatalog catalog;

    public CatalogService(DcatCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param root the gateway's public root URL, without a trailing slash */
    public byte[] catalog(Viewer viewer, String root, CatalogFormat format) {
        return serialize(catalog.describe(viewer, root), format);
    }

    /** One page of the viewer's catalog ({@link CatalogPage}). */
    public CatalogPage page(Viewer viewer, String root, int page, int pageSize) {
        return CatalogPage.of(catalog.describe(viewer, root), root + "/catalog", page, pageSize);
    }

    /**
     * A dataset, distribution, data service or quality measurement of the viewer's catalog, on its own; empty when the
     * viewer's catalog does not describe it (withheld or not there: the same answer).
     */
    public Optional<Model> resource(Viewer viewer, String root, String uri) {
        return BoundedDescription.of(catalog.describe(viewer, root), uri);
    }

    public static byte[] serialize(Model model, CatalogFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(model, out);
        return out.toByteArray();
    }
}
