package org.groundwatergateway.gateway;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reading OGC XML answers in tests: elements by namespace and local name. */
final class Xml {

    static final String WFS = "http://www.opengis.net/wfs/2.0";
    static final String GML = "http://www.opengis.net/gml/3.2";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String GW = "https://groundwatergateway.org/ns/gw";
    static final String WMS = "http://www.opengis.net/wms";
    static final String OGC = "http://www.opengis.net/ogc";

    private Xml() {}

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    static List<Element> all(Document document, String namespace, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) elements.add((Element) nodes.item(i));
        return elements;
    }

    static List<String> texts(Document document, String namespace, String localName) {
        return all(document, namespace, localName).stream().map(e -> e.getTextContent().trim()).toList();
    }
}
