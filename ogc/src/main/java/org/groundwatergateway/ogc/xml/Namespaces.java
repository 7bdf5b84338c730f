package org.groundwatergateway.ogc.xml;

/** Namespace URIs of the OGC documents the services read and write, and the platform's own. */
public final class Namespaces {

    public static final String GW = "https://groundwatergateway.org/ns/gw";
    public static final String WFS = "http://www.opengis.net/wfs/2.0";
    public static final String FES = "http://www.opengis.net/fes/2.0";
    public static final String GML = "http://www.opengis.net/gml/3.2";
    public static final String OWS = "http://www.opengis.net/ows/1.1";
    public static final String XLINK = "http://www.w3.org/1999/xlink";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema";
    public static final String WMS = "http://www.opengis.net/wms";
    public static final String OGC = "http://www.opengis.net/ogc";

    private Namespaces() {}

    /** A name without its namespace prefix: {@code gw:wells} → {@code wells}. */
    public static String localName(String qualified) {
        return qualified.substring(qualified.indexOf(':') + 1);
    }
}
