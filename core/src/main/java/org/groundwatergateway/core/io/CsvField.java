package org.groundwatergateway.core.io;

/** One field of an RFC 4180 record: quoted only when it holds a comma, a quote or a line break. */
public final class CsvField {

    private CsvField() {}

    /** The field as written; null is the empty field. */
    public static String of(String text) {
        if (text == null) return "";
        boolean plain = text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
