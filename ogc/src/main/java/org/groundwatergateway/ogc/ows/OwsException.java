package org.groundwatergateway.ogc.ows;

/**
 * A request the service cannot answer, reported as the standard's exception report: an OWS 1.1
 * {@code ExceptionReport} for WFS 2.0 (OGC 09-025r2 §7.5) or a WMS 1.3.0 {@code ServiceExceptionReport}
 * (OGC 06-042 §6.11). The code is one the standard defines; the locator names the offending parameter.
 */
public class OwsException extends RuntimeException {

    private final String code;
    private final String locator;
    private final int httpStatus;

    public OwsException(String code, String locator, String message) {
        this(code, locator, message, 400);
    }

    public OwsException(String code, String locator, String message, int httpStatus) {
        super(message);
        this.code = code;
        this.locator = locator;
        this.httpStatus = httpStatus;
    }

    public static OwsException missing(String parameter) {
        return new OwsException("MissingParameterValue", parameter, "Parameter " + parameter + " is required");
    }

    public static OwsException invalid(String parameter, String message) {
        return new OwsException("InvalidParameterValue", parameter, message);
    }

    public String code() {
        return code;
    }

    public String locator() {
        return locator;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
