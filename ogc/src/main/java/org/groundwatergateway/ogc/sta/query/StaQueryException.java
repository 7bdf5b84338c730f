package org.groundwatergateway.ogc.sta.query;

/**
 * A request the service cannot answer as asked: a syntax error (with the option and character position), an
 * unknown property or entity set, a type mismatch. Answered with 400 and this message; never a server error.
 */
public class StaQueryException extends RuntimeException {

    public StaQueryException(String message) {
        super(message);
    }

    /** A problem at {@code position} (0-based) in the text of {@code option}; reported 1-based, as an editor counts. */
    public static StaQueryException at(String option, int position, String problem) {
        return new StaQueryException(option + ", character " + (position + 1) + ": " + problem);
    }
}
