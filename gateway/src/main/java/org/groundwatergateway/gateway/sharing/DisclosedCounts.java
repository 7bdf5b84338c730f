package org.groundwatergateway.gateway.sharing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * How many rows and values an answer disclosed, counted from the bytes sent rather than reported by each door, so the
 * audit's counts describe exactly what the receipt's hash covers.
 *
 * <ul>
 *   <li>JSON: the rows are the elements of the top-level array, of a GeoJSON {@code features} array or of a
 *       SensorThings {@code value} array, else the one object; the values are the non-null scalars held by object
 *       members within the rows (a coordinate pair is part of its geometry, not a value).</li>
 *   <li>XML (GML, WFS, GetFeatureInfo): the rows are {@code member} / {@code featureMember} elements; the values their
 *       descendant elements holding text only.</li>
 *   <li>CSV: the records after the header; the values the non-empty fields.</li>
 * </ul>
 * Images and other bodies have no rows to count ({@link #UNCOUNTED}).
 */
public record DisclosedCounts(Long rows, Long values) {

    public static final DisclosedCounts UNCOUNTED = new DisclosedCounts(null, null);
    private static final JsonFactory JSON = new JsonFactory();
    private static final XMLInputFactory XML = xmlFactory();

    public static DisclosedCounts of(String contentType, byte[] body) {
        if (contentType == null || body.length == 0) return UNCOUNTED;
        String type = contentType.toLowerCase(Locale.ROOT);
        try {
            if (type.contains("json")) return json(body);
            if (type.contains("xml")) return xml(body);
            if (type.startsWith("text/csv")) return csv(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException | XMLStreamException unreadable) {
            // A body the door labelled wrongly is still recorded by its hash; only its counts are unknown.
            return UNCOUNTED;
        }
        return UNCOUNTED;
    }

    private static DisclosedCounts json(byte[] body) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), body)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) return rowsOf(p);
            if (first != JsonToken.START_OBJECT) return new DisclosedCounts(1L, first == JsonToken.VALUE_NULL ? 0L : 1L);
            long values = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_ARRAY && ("features".equals(name) || "value".equals(name))) return rowsOf(p);
                values += value.isStructStart() ? valuesWithin(p) : (value == JsonToken.VALUE_NULL ? 0 : 1);
            }
            return new DisclosedCounts(1L, values);
        }
    }

    /** Counts the array the parser has just entered: one row per element. */
    private static DisclosedCounts rowsOf(JsonParser p) {
        long rows = 0;
        long values = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            rows++;
            if (t.isStructStart()) values += valuesWithin(p);
            else if (t != JsonToken.VALUE_NULL) values++;
        }
        return new DisclosedCounts(rows, values);
    }

    /** The non-null scalar members of objects within the structure the parser has just entered. */
    private static long valuesWithin(JsonParser p) {
        long values = 0;
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t.isStructStart()) depth++;
            else if (t.isStructEnd()) depth--;
            else if (t.isScalarValue() && t != JsonToken.VALUE_NULL && p.streamReadContext().inObject()) values++;
        }
        return values;
    }

    private static DisclosedCounts xml(byte[] body) throws XMLStreamException {
        XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(body));
        try {
            long rows = 0;
            long values = 0;
            int rowDepth = -1;
            int depth = 0;
            boolean leaf = false;
            boolean text = false;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        String name = r.getLocalName();
                        if (rowDepth < 0 && ("member".equals(name) || "featureMember".equals(name))) {
                            rows++;
                            rowDepth = depth;
                        }
                        leaf = true;
                        text = false;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text |= !r.isWhiteSpace();
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (rowDepth >= 0 && depth > rowDepth && leaf && text) values++;
                        if (depth == rowDepth) rowDepth = -1;
                        depth--;
                        leaf = false;
                        text = false;
                    }
                    default -> { }
                }
            }
            return new DisclosedCounts(rows, values);
        } finally {
            r.close();
        }
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    private static DisclosedCounts csv(String body) {
        long records = 0;
        long values = 0;
        boolean quoted = false;
        boolean fieldHasText = false;
        boolean recordStarted = false;
        long recordValues = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : '\n';
            if (quoted) {
                if (c == '"') quoted = false;
                else fieldHasText = true;
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    recordStarted = true;
                }
                case ',' -> {
                    if (fieldHasText) recordValues++;
                    fieldHasText = false;
                    recordStarted = true;
                }
                case '\r' -> { }
                case '\n' -> {
                    if (fieldHasText) recordValues++;
                    if (recordStarted || fieldHasText) {
                        if (records++ > 0) values += recordValues;
                    }
                    recordValues = 0;
                    fieldHasText = false;
                    recordStarted = false;
                }
                default -> {
                    fieldHasText = true;
                    recordStarted = true;
                }
            }
        }
        return new DisclosedCounts(Math.max(0, records - 1), values);
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
