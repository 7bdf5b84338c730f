package org.groundwatergateway.ogc.wms;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.groundwatergateway.ogc.ows.OwsException;
import org.groundwatergateway.ogc.ows.OwsResponse;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.XmlOut;

/** The WMS 1.3.0 service exception report (OGC 06-042 §6.11, exceptions_1_3_0.xsd), MIME type text/xml. */
public final class WmsExceptionReport {

    private WmsExceptionReport() {}

    public static OwsResponse of(OwsException e) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (XmlOut xml = new XmlOut(body, Map.of("ogc", Namespaces.OGC, "xsi", Namespaces.XSI))) {
            xml.root("ogc:ServiceExceptionReport").attribute("version", "1.3.0")
                    .attribute("xsi:schemaLocation", Namespaces.OGC + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
            xml.start("ogc:ServiceException").attribute("code", e.code()).attribute("locator", e.locator()).text(e.getMessage()).end();
            xml.end();
        }
        byte[] bytes = body.toByteArray();
        return new OwsResponse(e.httpStatus(), "text/xml; charset=UTF-8", out -> out.write(bytes));
    }
}
