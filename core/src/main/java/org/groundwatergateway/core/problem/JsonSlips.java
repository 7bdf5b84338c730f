package org.groundwatergateway.core.problem;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usual slips in a JSON text, read back from the words Jackson's parser uses for them, so that a refusal can name
 * them in the caller's language: a stray character, and a bare word where a value belongs. One reading for every door
 * that parses JSON (request bodies, policy documents).
 */
public final class JsonSlips {

    private static final Pattern STRAY_CHARACTER = Pattern.compile("Unexpected character \\(('.{1,2}') \\(code");
    private static final Pattern BARE_WORD = Pattern.compile("^Unrecognized token '([^']{1,40})'");

    private JsonSlips() {}

    /** The character, quoted as the parser quotes it, where the parser met one it did not expect. */
    public static Optional<String> strayCharacter(String parserSays) {
        Matcher m = STRAY_CHARACTER.matcher(parserSays);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The unquoted word the parser met where a value belongs ({@code yes}, {@code none}). */
    public static Optional<String> bareWord(String parserSays) {
        Matcher m = BARE_WORD.matcher(parserSays);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
