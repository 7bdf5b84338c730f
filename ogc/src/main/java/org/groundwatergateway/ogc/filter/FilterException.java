package org.groundwatergateway.ogc.filter;

/**
 * A filter that cannot be applied: an unknown or withheld property, a value of the wrong type, a malformed
 * expression. The message names the problem for the client; {@code locator} names the offending part.
 */
public class FilterException extends RuntimeException {

    private final String locator;
    private final boolean processingFailed;

    public FilterException(String message, String locator) {
        this(message, locator, false);
    }

    private FilterException(String message, String locator, boolean processingFailed) {
        super(message);
        this.locator = locator;
        this.processingFailed = processingFailed;
    }

    /**
     * A well-formed filter that cannot be evaluated, such as a comparison of a geometry with a literal: FES 2.0 reports it
     * as OperationProcessingFailed rather than as an invalid parameter.
     */
    public static FilterException cannotEvaluate(String message, String locator) {
        return new FilterException(message, locator, true);
    }

    public String locator() {
        return locator;
    }

    /** The OWS exception code: OperationProcessingFailed or InvalidParameterValue. */
    public String owsCode() {
        return processingFailed ? "OperationProcessingFailed" : "InvalidParameterValue";
    }
}
