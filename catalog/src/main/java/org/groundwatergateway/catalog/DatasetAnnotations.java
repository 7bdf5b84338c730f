package org.groundwatergateway.catalog;

import org.apache.jena.rdf.model.Resource;
import org.groundwatergateway.catalog.CatalogFacts.Member;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.published.PublishedDataset;

/**
 * What another part of the catalog adds to each dataset's description once the catalog has described it (links to the
 * things it is about, quality measurements), so that {@link DcatCatalog} stays the one writer of DCAT itself.
 */
public interface DatasetAnnotations {

    /**
     * What the annotations depend on for this viewer beyond the disclosures the catalog already asks for (its cache key):
     * another answer here is another description, never a cached one made for someone else.
     */
    default Object cacheKey(Viewer viewer) {
        return null;
    }

    /** Begins annotating one description of the catalog. */
    Annotator start(Viewer viewer, String root, Resource catalog);

    @FunctionalInterface
    interface Annotator {
        /** @param member the group member the dataset is described for, or null for a dataset as a whole */
        void annotate(Resource dataset, PublishedDataset published, Member member);
    }
}
