package org.groundwatergateway.core.problem;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Input a caller can correct, refused with the field at fault and a message from a catalogue in English and Chinese.
 * An {@link IllegalArgumentException}, so every place that already catches or answers those keeps working; its
 * {@link #getMessage()} is the English text, for logs.
 *
 * <p>The key's first segment names the module whose catalogue holds it: {@code core.drill.stepHours} is in
 * {@code org/groundwatergateway/core/problems.properties} (English) and {@code problems_zh.properties} (Chinese, UTF-8,
 * which {@link ResourceBundle} reads since Java 9). Each module thus keeps the messages of its own rules, and the
 * modules share one class loader, so the gateway finds them all. The texts are {@link MessageFormat} patterns: a
 * literal apostrophe is written {@code ''}.
 */
public class InvalidInput extends IllegalArgumentException {

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String key;
    private final String field;
    private final String[] arguments;

    /**
     * @param key       the message's key, {@code module.topic.name}
     * @param field     the request's field or parameter at fault as the caller names it ({@code limit},
     *                  {@code particles[2].days}); null when the problem is not one field's
     * @param arguments the values the message quotes, shown as {@link String#valueOf} shows them (no digit grouping,
     *                  which would garble ids and codes)
     */
    public InvalidInput(String key, String field, Object... arguments) {
        super(key);
        this.key = key;
        this.field = field;
        this.arguments = Arrays.stream(arguments).map(String::valueOf).toArray(String[]::new);
    }

    /** The same refusal for another field: a nested value's problem placed where the caller put it. */
    public InvalidInput at(String outerField) {
        return new InvalidInput(key, field == null ? outerField : outerField + "." + field, (Object[]) arguments);
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    /** The message in Chinese for a Chinese locale, otherwise English; led by the field when there is one. */
    public String message(Locale locale) {
        String text = reason(locale);
        if (field == null) return text;
        return field + (chinese(locale) ? "：" : ": ") + text;
    }

    /** What is wrong without the field, for a list that names the field beside it (a CSV row's errors). */
    public String reason(Locale locale) {
        return text(key, chinese(locale), arguments);
    }

    private static boolean chinese(Locale locale) {
        return locale.getLanguage().equals(Locale.CHINESE.getLanguage());
    }

    /** A catalogue's text for the key, formatted; English from the base bundle, Chinese from {@code _zh}. */
    private static String text(String key, boolean chinese, String[] arguments) {
        String pattern = bundle(key, chinese).getString(key);
        return new MessageFormat(pattern, chinese ? Locale.CHINESE : Locale.ENGLISH).format((Object[]) arguments);
    }

    /** The bundle of the module the key names; no fallback to the JVM's default locale, which may be either language. */
    private static ResourceBundle bundle(String key, boolean chinese) {
        String module = key.substring(0, key.indexOf('.'));
        return ResourceBundle.getBundle(baseName(module), chinese ? Locale.CHINESE : Locale.ROOT, InvalidInput.class.getClassLoader(), NO_FALLBACK);
    }

    /** Where a module keeps its catalogue. */
    public static String baseName(String module) {
        return "org.groundwatergateway." + module + ".problems";
    }
}
