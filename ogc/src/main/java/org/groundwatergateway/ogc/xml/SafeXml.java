package org.groundwatergateway.ogc.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Parses request XML with every entity feature off: no DOCTYPE at all (so neither external entities nor
 * "billion laughs" expansion), no XInclude, no external schema or DTD access (OWASP XXE prevention cheat sheet).
 */
public final class SafeXml {

    private SafeXml() {}

    /**
     * Reads at most {@code maxBytes} (and one more, to tell), so an endless body costs no more memory than that.
     *
     * @param limit the setting that sets {@code maxBytes}, named in the refusal
     * @throws IllegalArgumentException with the parser's reason for anything not well-formed, with a DOCTYPE, or
     *                                  larger than {@code maxBytes}
     */
    public static Document parse(InputStream in, int maxBytes, String limit) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException("request XML is larger than " + maxBytes + " bytes, the most read (" + limit + ")");
        }
        return parse(bytes);
    }

    /** Text already bounded by its caller. */
    public static Document parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Document parse(byte[] bytes) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new IllegalArgumentException("request XML cannot be read: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Child elements by local name, whatever their namespace prefix (clients mix fes/ogc/wfs prefixes). */
    public static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) children.add(e);
        }
        return children;
    }

    public static Optional<Element> child(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst();
    }

    public static String text(Element element) {
        return element.getTextContent().trim();
    }

    /**
     * An attribute's value, or null: by its exact name, else by the name in any case (OWSLib posts {@code typenames}
     * and {@code outputformat}; MapServer and GeoServer take them, so the platform does too).
     */
    public static String attribute(Element element, String name) {
        if (element.hasAttribute(name)) return element.getAttribute(name);
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            var attribute = attributes.item(i);
            String local = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getNodeName();
            if (attribute.getNamespaceURI() == null && local.equalsIgnoreCase(name)) return attribute.getNodeValue();
        }
        return null;
    }
}
