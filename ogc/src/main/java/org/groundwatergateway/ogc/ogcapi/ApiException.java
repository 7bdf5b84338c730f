package org.groundwatergateway.ogc.ogcapi;

/** An OGC API request that cannot be answered: the HTTP status and a description for the client (OGC 17-069r4 §7.5.1). */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String description) {
        super(description);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiException badRequest(String description) {
        return new ApiException(400, description);
    }

    static ApiException notFound(String description) {
        return new ApiException(404, description);
    }
}
