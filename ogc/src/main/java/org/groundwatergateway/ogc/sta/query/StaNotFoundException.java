package org.groundwatergateway.ogc.sta.query;

/** The path names nothing: an unknown entity set or navigation property, or an entity that does not exist (404). */
public class StaNotFoundException extends RuntimeException {
    public StaNotFoundException(String message) {
        super(message);
    }
}
