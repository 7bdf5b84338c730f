package org.groundwatergateway.ogc.fes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.groundwatergateway.ogc.filter.Filter;
import org.groundwatergateway.ogc.filter.Filter.ComparisonOperator;
import org.groundwatergateway.ogc.filter.Filter.SpatialOperator;
import org.groundwatergateway.ogc.filter.FilterException;
import org.groundwatergateway.ogc.xml.GmlGeometryReader;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.SafeXml;
import org.w3c.dom.Element;

/**
 * Reads an OGC Filter Encoding 2.0 (ISO 19143, OGC 09-026r2) {@code fes:Filter} element into a {@link Filter}.
 * Elements are matched by local name, so FES 1.1 {@code ogc:} filters with {@code PropertyName} read too. A
 * value reference must be a plain property name, optionally prefixed and with the position {@code [1]} (the part of
 * FES's minimum XPath that flat feature types need): the XPath expressions FES allows are not evaluated here at all
 * (CVE-2024-36401 was remote code execution through exactly that).
 */
public final class FesFilterReader {

    /** A (prefixed) property or attribute name, with the position predicate {@code [1]} minimum XPath allows. */
    private static final Pattern PROPERTY_NAME = Pattern.compile("(@)?(?:([A-Za-z_][\\w.-]*):)?([A-Za-z_][\\w]*)(?:\\[(\\d+)])?");
    private static final String GEOMETRY_PROPERTY = "geom";
    /**
     * The deepest nesting of And, Or and Not read: reading and translating to SQL recurse once per level, and a
     * filter of a few thousand nested operators would overflow the thread's stack.
     */
    static final int MAX_NESTING = 64;

    private final GmlGeometryReader geometries;

    public FesFilterReader(GmlGeometryReader geometries) {
        this.geometries = geometries;
    }

    public Filter read(Element filter) {
        List<Element> children = SafeXml.children(filter);
        if (children.isEmpty()) throw new FilterException("Filter is empty", "Filter");
        // Several ResourceId elements side by side form one identifier list (FES 2.0 §7.11).
        if (children.stream().allMatch(c -> c.getLocalName().equals("ResourceId") || c.getLocalName().equals("FeatureId"))) {
            return new Filter.ResourceIds(children.stream().map(FesFilterReader::resourceId).toList());
        }
        if (children.size() > 1) throw new FilterException("Filter must hold one operator, found " + children.size(), "Filter");
        return operator(children.get(0), 1);
    }

    /** The operator {@code e}, which sits {@code depth} levels deep in the filter (1: directly in it). */
    private Filter operator(Element e, int depth) {
        String name = e.getLocalName();
        switch (name) {
            case "And": return new Filter.And(operands(e, depth));
            case "Or": return new Filter.Or(operands(e, depth));
            case "Not": {
                List<Filter> operands = operands(e, depth);
                if (operands.size() != 1) throw new FilterException("Not takes exactly one operand", "Not");
                return new Filter.Not(operands.get(0));
            }
            case "PropertyIsEqualTo": return comparison(e, ComparisonOperator.EQUAL_TO);
            case "PropertyIsNotEqualTo": return comparison(e, ComparisonOperator.NOT_EQUAL_TO);
            case "PropertyIsLessThan": return comparison(e, ComparisonOperator.LESS_THAN);
            case "PropertyIsLessThanOrEqualTo": return comparison(e, ComparisonOperator.LESS_THAN_OR_EQUAL_TO);
            case "PropertyIsGreaterThan": return comparison(e, ComparisonOperator.GREATER_THAN);
            case "PropertyIsGreaterThanOrEqualTo": return comparison(e, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO);
            case "PropertyIsLike": return like(e);
            case "PropertyIsNull":
            case "PropertyIsNil": return new Filter.IsNull(property(e));
            case "PropertyIsBetween": {
                String property = property(e);
                return new Filter.Between(property, boundary(e, "LowerBoundary"), boundary(e, "UpperBoundary"));
            }
            case "BBOX": return new Filter.Spatial(SpatialOperator.BBOX, geometry(e));
            case "Intersects": return spatial(e, SpatialOperator.INTERSECTS);
            case "Within": return spatial(e, SpatialOperator.WITHIN);
            case "Contains": return spatial(e, SpatialOperator.CONTAINS);
            case "Disjoint": return spatial(e, SpatialOperator.DISJOINT);
            case "Touches": return spatial(e, SpatialOperator.TOUCHES);
            case "Crosses": return spatial(e, SpatialOperator.CROSSES);
            case "Overlaps": return spatial(e, SpatialOperator.OVERLAPS);
            case "Equals": return spatial(e, SpatialOperator.EQUALS);
            case "DWithin": return distance(e, false);
            case "Beyond": return distance(e, true);
            case "ResourceId":
            case "FeatureId": return new Filter.ResourceIds(List.of(resourceId(e)));
            default: throw new FilterException("Unsupported filter operator " + name, name);
        }
    }

    private List<Filter> operands(Element e, int depth) {
        if (depth >= MAX_NESTING) {
            throw new FilterException("Filter operators are nested more than " + MAX_NESTING + " levels deep; write the filter flatter", e.getLocalName());
        }
        List<Filter> operands = new ArrayList<>();
        for (Element child : SafeXml.children(e)) operands.add(operator(child, depth + 1));
        if (operands.isEmpty()) throw new FilterException(e.getLocalName() + " has no operands", e.getLocalName());
        return operands;
    }

    private Filter comparison(Element e, ComparisonOperator operator) {
        return new Filter.Comparison(operator, property(e), literal(e), matchCase(e));
    }

    private Filter like(Element e) {
        char wildCard = character(e, "wildCard", '*');
        char singleChar = character(e, "singleChar", '?');
        char escape = character(e, e.hasAttribute("escapeChar") ? "escapeChar" : "escape", '\\');
        return new Filter.Like(property(e), literal(e), wildCard, singleChar, escape, matchCase(e));
    }

    private Filter spatial(Element e, SpatialOperator operator) {
        return new Filter.Spatial(operator, geometry(e));
    }

    private Filter distance(Element e, boolean beyond) {
        Element distance = SafeXml.child(e, "Distance").orElseThrow(() -> new FilterException(e.getLocalName() + " needs a Distance", "Distance"));
        double value;
        try {
            value = Double.parseDouble(SafeXml.text(distance));
        } catch (NumberFormatException ex) {
            throw new FilterException("Distance must be a number, got '" + SafeXml.text(distance) + "'", "Distance");
        }
        String uom = distance.hasAttribute("uom") ? distance.getAttribute("uom") : distance.getAttribute("units");
        return new Filter.Distance(geometry(e), value * metresPer(uom), beyond);
    }

    /** Metres per unit of a distance: m, km, ft, or their UCUM / URN spellings; none given means metres. */
    private static double metresPer(String uom) {
        String unit = uom.toLowerCase(Locale.ROOT);
        unit = unit.substring(Math.max(unit.lastIndexOf(':'), unit.lastIndexOf('#')) + 1);
        switch (unit) {
            case "": case "m": case "metre": case "meter": case "metres": case "meters": return 1;
            case "km": case "kilometre": case "kilometer": return 1000;
            case "ft": case "foot": case "[ft_i]": return 0.3048;
            default: throw new FilterException("Unsupported distance unit '" + uom + "': use m or km", "uom");
        }
    }

    private org.locationtech.jts.geom.Geometry geometry(Element e) {
        for (Element child : SafeXml.children(e)) {
            String name = child.getLocalName();
            if (name.equals("ValueReference") || name.equals("PropertyName")) {
                String property = propertyName(SafeXml.text(child), child);
                if (!property.equals(GEOMETRY_PROPERTY)) {
                    throw new FilterException("Spatial operators apply to the geometry property '" + GEOMETRY_PROPERTY + "', not '" + property + "'", property);
                }
                continue;
            }
            if (name.equals("Distance")) continue;
            try {
                return geometries.read(child);
            } catch (IllegalArgumentException ex) {
                throw new FilterException(e.getLocalName() + ": " + ex.getMessage(), e.getLocalName());
            }
        }
        throw new FilterException(e.getLocalName() + " needs a geometry", e.getLocalName());
    }

    private static String property(Element e) {
        Element reference = SafeXml.child(e, "ValueReference").or(() -> SafeXml.child(e, "PropertyName"))
                .orElseThrow(() -> new FilterException(e.getLocalName() + " needs a ValueReference", e.getLocalName()));
        return propertyName(SafeXml.text(reference), reference);
    }

    /**
     * The property a value reference names: the local name of one of the feature type's properties (any prefix but
     * GML's), {@code gml:<name>} for a GML standard property, or {@link Filter#GML_ID}. Prefixes are resolved against
     * the namespaces declared around {@code context}; an undeclared {@code gml:} is taken as GML's.
     */
    static String propertyName(String reference, Element context) {
        var matcher = PROPERTY_NAME.matcher(reference.trim());
        if (!matcher.matches()) throw new FilterException("'" + reference + "' is not a property name", reference);
        String prefix = matcher.group(2);
        String local = matcher.group(3);
        if (matcher.group(4) != null && !matcher.group(4).equals("1")) {
            throw new FilterException("'" + reference + "': every property occurs once, so the only position is [1]", reference);
        }
        String namespace = prefix == null ? null : context.lookupNamespaceURI(prefix);
        boolean gml = Namespaces.GML.equals(namespace) || (namespace == null && "gml".equals(prefix));
        if (matcher.group(1) != null) {
            if (gml && local.equals("id")) return Filter.GML_ID;
            throw new FilterException("'" + reference + "': the only attribute a filter may name is @gml:id", reference);
        }
        return gml ? "gml:" + local : local;
    }

    private static String literal(Element e) {
        Element literal = SafeXml.child(e, "Literal").orElseThrow(() -> new FilterException(e.getLocalName() + " needs a Literal", e.getLocalName()));
        return literal.getTextContent();
    }

    private static String boundary(Element e, String name) {
        Element boundary = SafeXml.child(e, name).orElseThrow(() -> new FilterException("PropertyIsBetween needs " + name, name));
        return literal(boundary);
    }

    private static boolean matchCase(Element e) {
        return !e.getAttribute("matchCase").equalsIgnoreCase("false");
    }

    private static char character(Element e, String attribute, char fallback) {
        String value = e.getAttribute(attribute);
        if (value.isEmpty()) return fallback;
        if (value.length() != 1) throw new FilterException(attribute + " must be one character", attribute);
        return value.charAt(0);
    }

    private static String resourceId(Element e) {
        String id = e.hasAttribute("rid") ? e.getAttribute("rid") : e.getAttribute("fid");
        if (id.isEmpty()) throw new FilterException("ResourceId needs a rid", "ResourceId");
        return id;
    }
}
