package org.groundwatergateway.catalog;

import java.io.ByteArrayOutputStream;
import org.apache.jena.rdf.model.Model;
import org.groundwatergateway.policies.Viewer;

/** The catalog door: the viewer's catalog, serialized. */
public final class CatalogService {

    private final DcatCatalog catalog;

    public CatalogService(DcatCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param root the gateway's public root URL, without a trailing slash */
    public byte[] catalog(Viewer viewer, String root, CatalogFormat format) {
        Model model = catalog.describe(viewer, root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(model, out);
        return out.toByteArray();
    }
}
