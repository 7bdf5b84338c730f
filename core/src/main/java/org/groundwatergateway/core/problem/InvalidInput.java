package org.groundwatergateway.core.problem;

import java.util.Locale;
import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Input a caller can correct, refused with the field at fault and a message from a catalogue in English and Chinese
 * ({@link InvalidArgument} says where the catalogues are). An {@link IllegalArgumentException}, so every place that
 * already catches or answers those keeps working; its {@link #getMessage()} is the English text, for logs.
 *
 * <p>The key's first segment names the module whose catalogue holds it: {@code core.drill.stepHours} is in
 * {@code org/groundwatergateway/core/problems.properties} and {@code problems_zh.properties}.
 */
public class InvalidInput extends InvalidArgument {

    private final String field;

    /**
     * @param key       the message's key, {@code module.topic.name}
     * @param field     the request's field or parameter at fault as the caller names it ({@code limit},
     *                  {@code particles[2].days}); null when the problem is not one field's
     * @param arguments the values the message quotes, shown as {@link String#valueOf} shows them (no digit grouping,
     *                  which would garble ids and codes)
     */
    public InvalidInput(String key, String field, Object... arguments) {
        super(key, arguments);
        this.field = field;
    }

    /** The same refusal for another field: a nested value's problem placed where the caller put it. */
    public InvalidInput at(String outerField) {
        return new InvalidInput(key(), field == null ? outerField : outerField + "." + field, arguments());
    }

    /** An argument the analytics library refused, placed at the request's field that carried it. */
    public static InvalidInput placed(String field, InvalidArgument refused) {
        return refused instanceof InvalidInput input ? input.at(field) : new InvalidInput(refused.key(), field, refused.arguments());
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }

    /** The message in Chinese for a Chinese locale, otherwise English; led by the field when there is one. */
    @Override
    public String message(Locale locale) {
        String text = reason(locale);
        if (field == null) return text;
        return field + (chinese(locale) ? "：" : ": ") + text;
    }
}
