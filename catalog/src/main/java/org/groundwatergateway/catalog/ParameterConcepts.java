package org.groundwatergateway.catalog;

import static org.groundwatergateway.catalog.LinkedVocabulary.*;

import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.groundwatergateway.core.parameter.GroundwaterClassLimits;
import org.groundwatergateway.core.parameter.Parameter;

/**
 * The parameters as a SKOS vocabulary: one {@code skos:ConceptScheme} at {@code /catalog/id/parameters}, one
 * {@code skos:Concept} (and {@code sosa:ObservableProperty}, what a sensor observes) per parameter with its names, its code
 * as {@code skos:notation}, its CAS Registry Number where it has one, its unit (QUDT unit IRI and UCUM code) and its
 * GB/T 14848-2017 class limits I–IV (a value beyond class IV is class V).
 */
final class ParameterConcepts {

    /** The platform's units as QUDT unit local names and UCUM codes; a unit not here is written as its symbol only. */
    private static final Map<String, String[]> UNITS = Map.of("mg/L", new String[] {"MilliGM-PER-L", "mg/L"},
            "µg/L", new String[] {"MicroGM-PER-L", "ug/L"}, "dimensionless", new String[] {"UNITLESS", "1"},
            "m", new String[] {"M", "m"}, "°C", new String[] {"DEG_C", "Cel"}, "µS/cm", new String[] {"MicroS-PER-CentiM", "uS/cm"},
            "mm", new String[] {"MilliM", "mm"}, "mg/kg", new String[] {"MilliGM-PER-KiloGM", "mg/kg"});
    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    /** CAS Registry Numbers as IRIs: the CAS Common Chemistry record of the number. */
    private static final String CAS_RECORD = "https://commonchemistry.cas.org/detail?cas_rn=";

    private ParameterConcepts() {}

    /** The scheme, titled (DCAT-AP asks a scheme for a title). */
    static Resource scheme(Model model, String root) {
        Resource scheme = model.createResource(LinkedUris.PARAMETERS.collection(root), Vocabulary.ConceptScheme);
        scheme.addProperty(DCTerms.title, "地下水监测指标", "zh").addProperty(DCTerms.title, "Groundwater monitoring parameters", "en");
        return scheme;
    }

    /** A parameter's concept named and placed in the scheme, without the rest: enough for a link to it to be read. */
    static Resource named(Model model, String root, String code, String nameZh, String nameEn) {
        Resource concept = model.createResource(LinkedUris.PARAMETERS.of(root, code), Vocabulary.Concept)
                .addProperty(Vocabulary.inScheme, scheme(model, root)).addProperty(Vocabulary.prefLabel, nameZh, "zh");
        if (nameEn != null) concept.addProperty(Vocabulary.prefLabel, nameEn, "en");
        return concept;
    }

    /** The whole scheme, each concept named. */
    static Resource describeScheme(Model model, String root, List<Parameter> parameters) {
        Resource scheme = scheme(model, root);
        for (Parameter p : parameters) {
            Resource concept = named(model, root, p.code(), p.nameZh(), p.nameEn()).addProperty(topConceptOf, scheme);
            concept.addProperty(notation, p.code());
            scheme.addProperty(hasTopConcept, concept);
        }
        return scheme;
    }

    /** One parameter in full. */
    static Resource describe(Model model, String root, Parameter p) {
        Resource concept = named(model, root, p.code(), p.nameZh(), p.nameEn()).addProperty(RDF.type, ObservableProperty)
                .addProperty(topConceptOf, scheme(model, root)).addProperty(notation, p.code());
        if (p.hj212Code() != null) concept.addProperty(altLabel, p.hj212Code());
        if (p.cas() != null) {
            concept.addProperty(def(root, "casRegistryNumber"), p.cas())
                    .addProperty(org.apache.jena.vocabulary.OWL.sameAs, model.createResource(CAS_RECORD + p.cas()));
        }
        if (p.category() != null) concept.addProperty(def(root, "category"), p.category());
        String[] unit = UNITS.get(p.unit());
        if (unit != null) {
            concept.addProperty(qudtUnit, model.createResource(UNIT + unit[0], QudtUnit).addProperty(ucumCode, unit[1]).addProperty(symbol, p.unit()));
        } else if (p.unit() != null) {
            concept.addProperty(symbol, p.unit());
        }
        GroundwaterClassLimits limits = p.classLimits();
        if (limits != null) {
            for (int qualityClass = 1; qualityClass <= 4; qualityClass++) {
                GroundwaterClassLimits.Bounds bounds = limits.bounds(qualityClass);
                Resource limit = model.createResource(QuantitativeValue).addProperty(def(root, "qualityClass"), ROMAN[qualityClass - 1])
                        .addProperty(DCTerms.source, "GB/T 14848-2017");
                if (bounds.lower() != null) limit.addLiteral(minValue, model.createTypedLiteral(bounds.lower(), XSDDatatype.XSDdouble));
                if (bounds.upper() != null) limit.addLiteral(maxValue, model.createTypedLiteral(bounds.upper(), XSDDatatype.XSDdouble));
                if (unit != null) limit.addProperty(unitCode, unit[1]);
                concept.addProperty(def(root, "gbt14848ClassLimit"), limit);
            }
        }
        return concept;
    }
}
