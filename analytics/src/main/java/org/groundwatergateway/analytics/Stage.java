package org.groundwatergateway.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a long computation has got ("candidate 3 of 12"), as a key of the analytics message catalogue and the values
 * it quotes, so that a person following a run, or told it was cancelled, reads it in their own language.
 *
 * @param key       a key of {@code org/groundwatergateway/analytics/problems.properties}, {@code analytics.stage.*}
 * @param arguments the values the text quotes
 */
public record Stage(String key, List<String> arguments) {

    public Stage {
        arguments = List.copyOf(arguments);
    }

    public static Stage of(String key, Object... arguments) {
        return new Stage(key, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** The stage in Chinese for a Chinese locale, otherwise English. */
    public String text(Locale locale) {
        return InvalidArgument.catalogued(key, locale, arguments.toArray(String[]::new));
    }

    /** English, for logs. */
    @Override
    public String toString() {
        return text(Locale.ENGLISH);
    }
}
