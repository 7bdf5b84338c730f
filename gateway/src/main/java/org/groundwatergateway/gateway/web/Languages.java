package org.groundwatergateway.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The language of an answer for people: Chinese first, English when the caller prefers it. */
public final class Languages {

    private Languages() {}

    /** The language to answer a request in: {@link Locale#ENGLISH} where it prefers English, else {@link Locale#CHINESE}. */
    public static Locale of(HttpServletRequest request) {
        return prefersEnglish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)) ? Locale.ENGLISH : Locale.CHINESE;
    }

    /** The language to answer the request this thread serves in. */
    public static Locale current() {
        return of(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest());
    }

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
