package org.groundwatergateway.core.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * A text for people that is data rather than a refusal (why a policy shows what it shows), kept as a key of its
 * module's message catalogue and the values it quotes until someone reads it, so that each reader is told it in their
 * own language. The key's first segment names the module, as for {@link InvalidInput}.
 *
 * @param key       a key of {@code org/groundwatergateway/<module>/problems.properties} and {@code problems_zh.properties}
 * @param arguments the values the text quotes: another phrase is told in the same language, anything else as
 *                  {@link String#valueOf} shows it
 */
public record Phrase(String key, List<Object> arguments) {

    public Phrase {
        arguments = arguments.stream().map(a -> a instanceof Phrase ? a : (Object) String.valueOf(a)).toList();
    }

    public static Phrase of(String key, Object... arguments) {
        return new Phrase(key, Arrays.asList(arguments));
    }

    /** The text in Chinese for a Chinese locale, otherwise English. */
    public String text(Locale locale) {
        String[] quoted = arguments.stream().map(a -> a instanceof Phrase p ? p.text(locale) : (String) a).toArray(String[]::new);
        return InvalidArgument.catalogued(key, locale, quoted);
    }

    /** English, for logs. */
    @Override
    public String toString() {
        return text(Locale.ENGLISH);
    }
}
