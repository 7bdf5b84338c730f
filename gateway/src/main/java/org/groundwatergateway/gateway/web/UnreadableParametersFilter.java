package org.groundwatergateway.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.ogc.ows.OwsException;
import org.groundwatergateway.ogc.ows.OwsExceptionReport;
import org.groundwatergateway.ogc.ows.OwsResponse;
import org.groundwatergateway.ogc.wfs.WfsService;
import org.groundwatergateway.ogc.wms.WmsExceptionReport;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request parameters no part of the platform can use, each in its door's error format and before any filter
 * reads them: on the OGC services a query or form body the container cannot decode (a broken escape such as
 * {@code %zz}), which would otherwise fail in the rate limiter as a generic error page; on the REST API a NUL
 * character ({@code %00}), which PostgreSQL refuses in text and no identifier, code or name holds.
 */
@Component
// After the container's character-encoding filter (parameters must decode as UTF-8), before the rate limiter reads them.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UnreadableParametersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath();
        if (path.equals("/ows") || path.equals("/wfs") || path.equals("/wms")) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException e) {
                // Tomcat's InvalidParameterException: the parameters of a request are parsed once and cannot be recovered.
                OwsException refusal = new OwsException("OperationParsingFailed", "request", "The request's parameters cannot be read ("
                        + e.getMessage() + "); a percent-escape is % followed by two hexadecimal digits, in UTF-8");
                boolean wms = path.equals("/wms") || String.valueOf(request.getQueryString()).toUpperCase(Locale.ROOT).contains("SERVICE=WMS");
                write(response, wms ? WmsExceptionReport.of(refusal) : OwsExceptionReport.of(refusal, WfsService.VERSION));
                return;
            }
        } else if (path.startsWith("/api/") && request.getQueryString() != null && request.getQueryString().contains("%00")) {
            // A NUL can only arrive percent-encoded: the container refuses a raw one in the request line.
            LocalizedProblems.write(request, response, 400, new InvalidInput("gateway.query.nul", null));
            return;
        }
        chain.doFilter(request, response);
    }

    private static void write(HttpServletResponse response, OwsResponse answer) throws IOException {
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        answer.body().writeTo(response.getOutputStream());
    }
}
