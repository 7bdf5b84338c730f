package org.groundwatergateway.ogc.filter;

/**
 * A filter that cannot be applied: an unknown or withheld property, a value of the wrong type, a malformed
 * expression. The message names the problem for the client; {@code locator} names the offending part.
 */
public class FilterException extends RuntimeException {

    private final String locator;

    public FilterException(String message, String locator) {
        super(message);
        this.locator = locator;
    }

    public String locator() {
        return locator;
    }
}
