package org.groundwatergateway.ogc.ows;

import java.io.IOException;
import java.io.OutputStream;

/** What a service answers: status, content type, and a body written straight to the client. */
public record OwsResponse(int status, String contentType, Body body) {

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static OwsResponse ok(String contentType, Body body) {
        return new OwsResponse(200, contentType, body);
    }
}
