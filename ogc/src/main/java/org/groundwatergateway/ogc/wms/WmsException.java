package org.groundwatergateway.ogc.wms;

import org.groundwatergateway.ogc.ows.OwsException;

/** The exception codes WMS 1.3.0 defines (OGC 06-042 Annex A.2, ServiceExceptionReport), with null for a general error. */
final class WmsException {

    private WmsException() {}

    static OwsException layerNotDefined(String layer) {
        return new OwsException("LayerNotDefined", "LAYERS", "Unknown layer " + layer + "; GetCapabilities lists the published ones");
    }

    static OwsException invalidCrs(String crs) {
        return new OwsException("InvalidCRS", "CRS", "Unsupported CRS " + crs + "; GetCapabilities lists the offered ones");
    }

    static OwsException invalidFormat(String format) {
        return new OwsException("InvalidFormat", "FORMAT", "Unsupported format " + format + "; use image/png, image/png8 or image/jpeg");
    }

    static OwsException styleNotDefined(String style, String layer) {
        return new OwsException("StyleNotDefined", "STYLES", "Layer " + layer + " has no style " + style);
    }

    static OwsException invalid(String parameter, String message) {
        return new OwsException(null, parameter, message);
    }
}
