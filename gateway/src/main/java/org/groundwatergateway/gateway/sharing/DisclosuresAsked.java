package org.groundwatergateway.gateway.sharing;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.groundwatergateway.policies.Disclosure;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the sharing policy disclosed to the current request, dataset by dataset, as the doors asked it: every door asks
 * the one access policy, which records its answers here, so a response's receipt ({@link DisclosureReceipts}) says what
 * was applied without any door reporting it. Outside a request (MQTT announcements) nothing is recorded.
 */
public final class DisclosuresAsked {

    private static final String ATTRIBUTE = DisclosuresAsked.class.getName();

    private DisclosuresAsked() {}

    /** Records a visible dataset's disclosure for the current request, if any, and returns it unchanged. */
    public static Disclosure record(String dataset, Disclosure disclosure) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && disclosure.visible()) recorded(request).put(dataset, disclosure);
        return disclosure;
    }

    /** The datasets disclosed to the request, by name (kept as a request attribute, so readable after the servlet returns). */
    @SuppressWarnings("unchecked")
    static Map<String, Disclosure> of(HttpServletRequest request) {
        Object map = request.getAttribute(ATTRIBUTE);
        return map == null ? Map.of() : new TreeMap<>((Map<String, Disclosure>) map);
    }

    /** Whether the request was shown the dataset (the policy was asked for it, and shows it). */
    public static boolean includes(HttpServletRequest request, String dataset) {
        return of(request).containsKey(dataset);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Disclosure> recorded(RequestAttributes request) {
        Object map = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (map == null) {
            map = new LinkedHashMap<String, Disclosure>();
            request.setAttribute(ATTRIBUTE, map, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, Disclosure>) map;
    }
}
