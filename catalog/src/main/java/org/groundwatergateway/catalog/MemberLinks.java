package org.groundwatergateway.catalog;

import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.published.Grouping;

/**
 * Links each member's dataset to the thing it is about: a well's datastreams to the well ({@code dct:relation}), a
 * parameter's to its concept in the parameter vocabulary ({@code dcat:theme}, the vocabulary being one of the catalog's
 * theme taxonomies). The links name nothing the dataset does not: its identifier carries the same code.
 */
public final class MemberLinks implements DatasetAnnotations {

    @Override
    public Annotator start(Viewer viewer, String root, org.apache.jena.rdf.model.Resource catalog) {
        return (dataset, published, member) -> {
            if (member == null) return;
            if (published.groupedBy() == Grouping.WELL) {
                // Typed as DCAT-AP's range shapes ask of a related resource (SHACL infers no type).
                dataset.addProperty(DCTerms.relation, dataset.getModel().createResource(LinkedUris.WELLS.of(root, member.code()), RDFS.Resource));
            } else {
                dataset.addProperty(Vocabulary.theme, ParameterConcepts.named(dataset.getModel(), root, member.code(), member.nameZh(), member.nameEn()));
                catalog.addProperty(Vocabulary.themeTaxonomy, ParameterConcepts.scheme(dataset.getModel(), root));
            }
        };
    }
}
