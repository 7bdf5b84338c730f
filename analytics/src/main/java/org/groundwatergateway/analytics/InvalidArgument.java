package org.groundwatergateway.analytics;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * An argument refused with a reason from a message catalogue in English and Chinese, so that a model parameter the
 * analytics library refuses reaches a person in their language. An {@link IllegalArgumentException}, as before; its
 * {@link #getMessage()} is the English text, for logs.
 *
 * <p>The key's first segment names the module whose catalogue holds it: {@code analytics.transport.uniform} is in
 * {@code org/groundwatergateway/analytics/problems.properties} (English) and {@code problems_zh.properties} (Chinese,
 * UTF-8, which {@link ResourceBundle} reads since Java 9). The other modules' refusals extend this class with the field
 * at fault and keep their messages in their own catalogues; the modules share one class loader, so each finds them
 * all. The texts are {@link MessageFormat} patterns: a literal apostrophe is written {@code ''}.
 */
public class InvalidArgument extends IllegalArgumentException {

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String key;
    private final String[] arguments;

    /**
     * @param key       the message's key, {@code module.topic.name}
     * @param arguments the values the message quotes, shown as {@link String#valueOf} shows them (no digit grouping,
     *                  which would garble ids and codes)
     */
    public InvalidArgument(String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = Arrays.stream(arguments).map(String::valueOf).toArray(String[]::new);
    }

    /** The message's key. */
    public String key() {
        return key;
    }

    /** The values the message quotes, as text. */
    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    /** The message in Chinese for a Chinese locale, otherwise English. */
    public String message(Locale locale) {
        return reason(locale);
    }

    /**
     * A failure's message in a language: a catalogued refusal's or a cancelled computation's in that language, any
     * other's as it is (English).
     */
    public static String message(Throwable failure, Locale locale) {
        if (failure instanceof InvalidArgument refused) return refused.message(locale);
        if (failure instanceof Progress.Cancelled cancelled) return cancelled.message(locale);
        return failure.getMessage();
    }

    /** What is wrong, without any field a subclass names. */
    public String reason(Locale locale) {
        return text(key, chinese(locale), arguments);
    }

    protected static boolean chinese(Locale locale) {
        return locale.getLanguage().equals(Locale.CHINESE.getLanguage());
    }

    /** A catalogue's text for the key in a language (Chinese for a Chinese locale, otherwise English), formatted. */
    public static String catalogued(String key, Locale locale, String... arguments) {
        return text(key, chinese(locale), arguments);
    }

    /** A catalogue's text for the key, formatted; English from the base bundle, Chinese from {@code _zh}. */
    private static String text(String key, boolean chinese, String[] arguments) {
        String pattern = bundle(key, chinese).getString(key);
        return new MessageFormat(pattern, chinese ? Locale.CHINESE : Locale.ENGLISH).format((Object[]) arguments);
    }

    /** The bundle of the module the key names; no fallback to the JVM's default locale, which may be either language. */
    private static ResourceBundle bundle(String key, boolean chinese) {
        String module = key.substring(0, key.indexOf('.'));
        return ResourceBundle.getBundle(baseName(module), chinese ? Locale.CHINESE : Locale.ROOT, InvalidArgument.class.getClassLoader(), NO_FALLBACK);
    }

    /** Where a module keeps its catalogue. */
    public static String baseName(String module) {
        return "org.groundwatergateway." + module + ".problems";
    }
}
