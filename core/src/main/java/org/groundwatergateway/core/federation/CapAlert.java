package org.groundwatergateway.core.federation;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A joint warning as an OASIS CAP 1.2 alert: one {@code info} block in Chinese ({@code zh-CN}) and one in English
 * ({@code en-US}), each with the area the forecast reaches as a {@code polygon}. Addressed privately to the two gateways.
 * Times are written as CAP wants them: seconds, with an offset (China's, +08:00), never {@code Z}.
 */
public record CapAlert(String identifier, String sender, Instant sent, Status status, MsgType msgType, List<String> addresses,
                       String urgency, String severity, String certainty, List<Info> infos) {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String MEDIA_TYPE = "application/cap+xml";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /** A drill's warning is an exercise; everything else is actual. */
    public enum Status { Actual, Exercise }

    /** CAP's message types; a joint warning is sent as an Alert (closing travels as a signed message of its own). */
    public enum MsgType { Alert, Update, Cancel }

    /** One language's text and the area, a closed ring of at least four points in EPSG:4326. */
    public record Info(String language, String event, String senderName, String headline, String description, String areaDesc, Polygon area) {}

    /** Refused as not a CAP 1.2 alert we can take. */
    public static final class NotCap extends RuntimeException {
        public NotCap(String message) {
            super(message);
        }
    }

    public CapAlert {
        addresses = List.copyOf(addresses);
        infos = List.copyOf(infos);
    }

    /** CAP's {@code sent}: seconds with an offset. */
    public static String time(Instant at) {
        return TIME.format(OffsetDateTime.ofInstant(at, CHINA));
    }

    public String xml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("alert");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "identifier", identifier);
            text(xml, "sender", sender);
            text(xml, "sent", time(sent));
            text(xml, "status", status.name());
            text(xml, "msgType", msgType.name());
            text(xml, "scope", "Private");
            // CAP separates addresses by spaces: gateway ids have none.
            text(xml, "addresses", String.join(" ", addresses));
            for (Info info : infos) {
                xml.writeStartElement("info");
                text(xml, "language", info.language());
                text(xml, "category", "Env");
                text(xml, "event", info.event());
                text(xml, "responseType", "Monitor");
                text(xml, "urgency", urgency);
                text(xml, "severity", severity);
                text(xml, "certainty", certainty);
                text(xml, "senderName", info.senderName());
                text(xml, "headline", info.headline());
                text(xml, "description", info.description());
                xml.writeStartElement("area");
                text(xml, "areaDesc", info.areaDesc());
                text(xml, "polygon", polygon(info.area()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a CAP alert", e);
        }
        return out.toString();
    }

    /** CAP's polygon: "lat,lon" pairs separated by spaces, the first repeated last. */
    private static String polygon(Polygon area) {
        List<String> pairs = new ArrayList<>();
        for (Coordinate c : area.getExteriorRing().getCoordinates()) pairs.add(String.format(Locale.ROOT, "%.6f,%.6f", c.y, c.x));
        return String.join(" ", pairs);
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** What a partner's CAP alert says that we keep apart: its identifier, sender, status, type, addressees and each language's headline. */
    public record Read(String identifier, String sender, Instant sent, Status status, MsgType msgType, List<String> addresses, String severity,
                       List<String[]> headlines) {

        /** The headline in a language ({@code zh}, {@code en}), else the first. */
        public String headline(String language) {
            return headlines.stream().filter(h -> h[0].startsWith(language)).findFirst().orElse(headlines.get(0))[1];
        }
    }

    /**
     * Reads a CAP 1.2 alert far enough to raise it here: refused unless it is one (namespace, the required elements, a
     * known status and type, at least one info with a headline). No DTD or external entity is read.
     */
    public static Read read(String text) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (ParserConfigurationException | SAXException | java.io.IOException e) {
            throw new NotCap("not well-formed XML");
        }
        Element alert = document.getDocumentElement();
        if (!NAMESPACE.equals(alert.getNamespaceURI()) || !"alert".equals(alert.getLocalName())) throw new NotCap("not a CAP 1.2 alert");
        try {
            Status status = Status.valueOf(child(alert, "status"));
            MsgType type = MsgType.valueOf(child(alert, "msgType"));
            Instant sent = OffsetDateTime.parse(child(alert, "sent"), TIME).toInstant();
            List<String[]> headlines = new ArrayList<>();
            String severity = null;
            NodeList infos = alert.getElementsByTagNameNS(NAMESPACE, "info");
            for (int i = 0; i < infos.getLength(); i++) {
                Element info = (Element) infos.item(i);
                headlines.add(new String[] {child(info, "language"), child(info, "headline")});
                severity = child(info, "severity");
            }
            if (headlines.isEmpty()) throw new NotCap("a CAP alert without info");
            NodeList addresses = alert.getElementsByTagNameNS(NAMESPACE, "addresses");
            List<String> addressed = addresses.getLength() == 0 ? List.of()
                    : List.of(addresses.item(0).getTextContent().strip().split("\\s+"));
            return new Read(child(alert, "identifier"), child(alert, "sender"), sent, status, type, addressed, severity, headlines);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new NotCap("status, msgType or sent not as CAP 1.2 says");
        }
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(NAMESPACE, name);
        if (nodes.getLength() == 0 || nodes.item(0).getTextContent().isBlank()) throw new NotCap("CAP " + name + " is required");
        return nodes.item(0).getTextContent().strip();
    }
}
