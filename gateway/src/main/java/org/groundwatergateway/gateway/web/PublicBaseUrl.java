package org.groundwatergateway.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The URL clients reach the gateway's root at ({@code gw.public-base-url}), the root of the links and service URLs
 * the gateway writes: capabilities documents, next-page links, the OGC API's and SensorThings' self links. Unset,
 * they are built from each request, that is from its Host header, which any client chooses freely; a forged Host
 * then comes back in documents a cache may hand to others. So a public deployment sets it (or, behind a proxy it
 * trusts, {@code server.forward-headers-strategy=native}).
 */
@Component
public class PublicBaseUrl {

    private final String configured;

    public PublicBaseUrl(@Value("${gw.public-base-url:}") String configured) {
        if (configured == null || configured.isBlank()) {
            this.configured = null;
            return;
        }
        URI uri = URI.create(configured.trim());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException("gw.public-base-url must be an http(s) URL without query, e.g. https://gw.example.cn, not "
                    + configured);
        }
        this.configured = uri.toString().replaceAll("/+$", "");
    }

    /** The configured root, if any. */
    public Optional<String> configured() {
        return Optional.ofNullable(configured);
    }

    /** The gateway's root for links answering this request, without a trailing slash. */
    public String root(HttpServletRequest request) {
        return configured != null ? configured : ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    /** The gateway's root for links answering the current request, without a trailing slash. */
    public String root() {
        return root(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest());
    }

    /** The current request's URL, path and query as received (still encoded), under the public root. */
    public UriComponentsBuilder currentRequest() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        if (configured == null) return ServletUriComponentsBuilder.fromRequest(request);
        return UriComponentsBuilder.fromUriString(configured + pathWithinGateway(request)).query(request.getQueryString());
    }

    /** The request's path after the context path, still encoded. */
    public static String pathWithinGateway(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
