package org.groundwatergateway.ogc.ows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.XmlOut;

/** The OWS Common 1.1 exception report (OGC 06-121r3 §8) that WFS 2.0 answers errors with. */
public final class OwsExceptionReport {

    public static final String CONTENT_TYPE = "application/xml";

    private OwsExceptionReport() {}

    public static OwsResponse of(OwsException e, String version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (XmlOut xml = new XmlOut(body, Map.of("ows", Namespaces.OWS, "xsi", Namespaces.XSI))) {
            xml.root("ows:ExceptionReport").attribute("version", version).attribute("xml:lang", "en")
                    .attribute("xsi:schemaLocation", Namespaces.OWS + " http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd");
            xml.start("ows:Exception").attribute("exceptionCode", e.code()).attribute("locator", e.locator());
            xml.element("ows:ExceptionText", e.getMessage());
            xml.end().end();
        }
        byte[] bytes = body.toByteArray();
        return new OwsResponse(e.httpStatus(), CONTENT_TYPE + "; charset=" + StandardCharsets.UTF_8.name(), out -> out.write(bytes));
    }
}
