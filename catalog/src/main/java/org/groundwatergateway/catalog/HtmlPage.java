package org.groundwatergateway.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * A resource's description as a small server-rendered page for people, in Chinese or English: its name, a table of
 * what the description says of it (linked resources by their names, blank nodes such as a geometry or a class limit
 * nested in place), and links to the machine-readable forms. Every text and every address is escaped; a link is
 * written only for http(s) and mailto addresses.
 */
public final class HtmlPage {

    /** Names of the common properties in Chinese and English; others are shown by their prefixed names. */
    private static final Map<String, String[]> PROPERTY_NAMES = Map.ofEntries(
            entry(RDF.type.getURI(), "类型", "Type"), entry(LinkedVocabulary.label.getURI(), "名称", "Name"),
            entry(Vocabulary.prefLabel.getURI(), "名称", "Name"), entry(DCTerms.title.getURI(), "标题", "Title"),
            entry(DCTerms.description.getURI(), "描述", "Description"), entry(DCTerms.identifier.getURI(), "标识", "Identifier"),
            entry(LinkedVocabulary.notation.getURI(), "代码", "Code"), entry(LinkedVocabulary.definition.getURI(), "定义", "Definition"),
            entry(DCTerms.isPartOf.getURI(), "属于", "Part of"), entry(DCTerms.hasPart.getURI(), "包含", "Has part"),
            entry(LinkedVocabulary.seeAlso.getURI(), "另见", "See also"), entry(LinkedVocabulary.hasGeometry.getURI(), "几何", "Geometry"),
            entry(LinkedVocabulary.observedProperty.getURI(), "观测指标", "Observed property"),
            entry(LinkedVocabulary.observes.getURI(), "观测", "Observes"),
            entry(LinkedVocabulary.hasFeatureOfInterest.getURI(), "观测对象", "Feature of interest"),
            entry(LinkedVocabulary.isFeatureOfInterestOf.getURI(), "数据流", "Datastreams"),
            entry(LinkedVocabulary.madeBySensor.getURI(), "传感器", "Sensor"), entry(LinkedVocabulary.hosts.getURI(), "搭载传感器", "Hosts"),
            entry(LinkedVocabulary.isHostedBy.getURI(), "所在平台", "Hosted by"), entry(LinkedVocabulary.qudtUnit.getURI(), "单位", "Unit"),
            entry(Vocabulary.distribution.getURI(), "分发", "Distribution"), entry(Vocabulary.accessURL.getURI(), "访问地址", "Access URL"),
            entry(Vocabulary.keyword.getURI(), "关键词", "Keyword"), entry(DCTerms.temporal.getURI(), "时间范围", "Period"),
            entry(LinkedVocabulary.hasQualityMeasurement.getURI(), "质量度量", "Quality measurement"),
            entry(LinkedVocabulary.dqvValue.getURI(), "值", "Value"), entry(LinkedVocabulary.isMeasurementOf.getURI(), "度量指标", "Metric"));
    private static final int MAX_DEPTH = 4;

    private final Model model;
    private final boolean english;
    private final String language;

    private HtmlPage(Model model, boolean english) {
        this.model = model;
        this.english = english;
        this.language = english ? "en" : "zh";
    }

    /**
     * @param formats the page's other forms, short name ({@code ttl}) to the address that answers it
     */
    public static String render(Model model, String uri, boolean english, Map<String, String> formats) {
        return new HtmlPage(model, english).page(model.getResource(uri), formats);
    }

    private String page(Resource subject, Map<String, String> formats) {
        String title = name(subject);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(english ? "en" : "zh-CN").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
                        + "code{word-break:break-all}</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n<p><code>")
                .append(escape(subject.getURI())).append("</code></p>\n<p>").append(english ? "Also as: " : "其他格式:");
        List<String> links = new ArrayList<>();
        formats.forEach((name, address) -> links.add(link(address, name)));
        html.append(String.join(" · ", links)).append("</p>\n");
        table(html, subject, 0, new HashSet<>());
        return html.append("</body>\n</html>\n").toString();
    }

    private void table(StringBuilder html, Resource subject, int depth, Set<Resource> open) {
        open.add(subject);
        Map<String, List<RDFNode>> byProperty = new TreeMap<>(Comparator.comparing(this::order).thenComparing(p -> p));
        for (Statement statement : subject.listProperties().toList()) {
            byProperty.computeIfAbsent(statement.getPredicate().getURI(), p -> new ArrayList<>()).add(statement.getObject());
        }
        html.append("<table>\n");
        byProperty.forEach((property, values) -> {
            List<RDFNode> shown = inLanguage(values);
            html.append("<tr><th>").append(escape(propertyName(property))).append("</th><td>");
            List<String> cells = new ArrayList<>();
            for (RDFNode value : shown.stream().sorted(Comparator.comparing(RDFNode::toString)).toList()) {
                StringBuilder cell = new StringBuilder();
                if (value.isLiteral()) cell.append(escape(value.asLiteral().getLexicalForm()));
                else if (value.isURIResource()) cell.append(link(value.asResource().getURI(), name(value.asResource())));
                else if (depth < MAX_DEPTH && !open.contains(value.asResource())) table(cell, value.asResource(), depth + 1, open);
                cells.add(cell.toString());
            }
            html.append(String.join("<br>\n", cells)).append("</td></tr>\n");
        });
        html.append("</table>\n");
        open.remove(subject);
    }

    /** Type first, then names, then the rest by prefixed name. */
    private int order(String property) {
        if (property.equals(RDF.type.getURI())) return 0;
        if (property.equals(LinkedVocabulary.label.getURI()) || property.equals(Vocabulary.prefLabel.getURI()) || property.equals(DCTerms.title.getURI())) return 1;
        return 2;
    }

    /** The values in the page's language where the property has some; otherwise all of them. */
    private List<RDFNode> inLanguage(List<RDFNode> values) {
        List<RDFNode> matching = values.stream().filter(v -> v.isLiteral() && language.equals(v.asLiteral().getLanguage())).toList();
        if (matching.isEmpty()) return values;
        List<RDFNode> shown = new ArrayList<>(matching);
        values.stream().filter(v -> !v.isLiteral() || v.asLiteral().getLanguage().isEmpty()).forEach(shown::add);
        return shown;
    }

    /** A resource's name in the page's language, else in any, else its prefixed name or address. */
    private String name(Resource resource) {
        for (Property property : List.of(LinkedVocabulary.label, Vocabulary.prefLabel, DCTerms.title, Vocabulary.name)) {
            List<Literal> names = resource.listProperties(property).mapWith(Statement::getObject).filterKeep(RDFNode::isLiteral)
                    .mapWith(RDFNode::asLiteral).toList();
            for (Literal literal : names) if (language.equals(literal.getLanguage())) return literal.getLexicalForm();
            for (Literal literal : names) if (literal.getLanguage().isEmpty()) return literal.getLexicalForm();
            if (!names.isEmpty()) return names.get(0).getLexicalForm();
        }
        if (resource.isAnon()) return "";
        String prefixed = model.shortForm(resource.getURI());
        return prefixed == null ? resource.getURI() : prefixed;
    }

    private String propertyName(String property) {
        String[] names = PROPERTY_NAMES.get(property);
        return names != null ? names[english ? 1 : 0] : model.shortForm(property);
    }

    private static String link(String address, String text) {
        String lower = address.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:") || address.startsWith("?"))) {
            return escape(text);
        }
        return "<a href=\"" + escape(address) + "\">" + escape(text) + "</a>";
    }

    /** Text and attribute values made inert. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Map.Entry<String, String[]> entry(String property, String zh, String en) {
        return Map.entry(property, new String[] {zh, en});
    }
}
