package org.groundwatergateway.ogc.xml;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin streaming XML writer over StAX: prefixed element names ("wfs:member") resolved against the namespaces
 * declared at the root, unprefixed ones in the default namespace when one is declared under the prefix "",
 * checked exceptions turned unchecked. Documents of any size are written without being held in memory.
 */
public final class XmlOut implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter writer;
    private final Map<String, String> namespaces;

    public XmlOut(OutputStream out, Map<String, String> namespaces) {
        try {
            this.writer = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            this.namespaces = Map.copyOf(namespaces);
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            namespaces.forEach((prefix, uri) -> {
                try {
                    if (prefix.isEmpty()) writer.setDefaultNamespace(uri);
                    else writer.setPrefix(prefix, uri);
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the root element and declares every namespace on it. */
    public XmlOut root(String name) {
        start(name);
        try {
            for (Map.Entry<String, String> ns : namespaces.entrySet()) {
                if (ns.getKey().isEmpty()) writer.writeDefaultNamespace(ns.getValue());
                else writer.writeNamespace(ns.getKey(), ns.getValue());
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public XmlOut start(String name) {
        try {
            int colon = name.indexOf(':');
            String defaultNamespace = namespaces.get("");
            if (colon < 0 && defaultNamespace != null) {
                writer.writeStartElement("", name, defaultNamespace);
            } else if (colon < 0) {
                writer.writeStartElement(name);
            } else {
                String prefix = name.substring(0, colon);
                writer.writeStartElement(prefix, name.substring(colon + 1), uri(prefix));
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public XmlOut attribute(String name, Object value) {
        if (value == null) return this;
        try {
            int colon = name.indexOf(':');
            if (colon < 0) {
                writer.writeAttribute(name, value.toString());
            } else {
                String prefix = name.substring(0, colon);
                writer.writeAttribute(prefix, uri(prefix), name.substring(colon + 1), value.toString());
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public XmlOut text(Object text) {
        try {
            writer.writeCharacters(text.toString());
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public XmlOut end() {
        try {
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** An element holding only text. */
    public XmlOut element(String name, Object text) {
        return start(name).text(text).end();
    }

    @Override
    public void close() {
        try {
            writer.writeEndDocument();
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private String uri(String prefix) {
        if (prefix.equals("xml")) return javax.xml.XMLConstants.XML_NS_URI;
        String uri = namespaces.get(prefix);
        if (uri == null) throw new IllegalArgumentException("undeclared namespace prefix " + prefix);
        return uri;
    }
}
