package org.groundwatergateway.gateway.web;

import java.util.Locale;

/** The language of an answer for people: Chinese first, English when the caller prefers it. */
public final class Languages {

    private Languages() {}

    /** Whether the Accept-Language header ranks English above Chinese; an absent or unreadable header means Chinese. */
    public static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return false;
        try {
            // LanguageRange.parse sorts by weight, highest first.
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("en")) return true;
                if (tag.startsWith("zh")) return false;
            }
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return false;
    }
}
