package org.groundwatergateway.core.text;

/**
 * Text cut to a length a log column, an audit entry or a text message can hold, marked as cut with "…". Cut between
 * characters, never inside a surrogate pair (a supplementary CJK ideograph in a place or enterprise name), so what is
 * kept is still valid UTF-16 and encodes as it was.
 */
public final class Shortened {

    private static final String MARK = "…";

    private Shortened() {}

    /** The text itself when it fits in {@code max} chars, else its beginning and "…", together {@code max} chars at most. */
    public static String to(CharSequence text, int max) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1, got " + max);
        if (text.length() <= max) return text.toString();
        int end = max - MARK.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.subSequence(0, end) + MARK;
    }
}
