package org.groundwatergateway.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import org.groundwatergateway.core.problem.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Whatever no other handler answers, still as problem details in the caller's language instead of Spring's bare English
 * body: a path that names nothing (404), a refusal Spring makes itself with a status of its own, and a failure of ours
 * (500, logged in full; the caller is told no more than that). Consulted last, after {@link ApiExceptionHandler} and
 * {@link RequestExceptionHandler}; sign-in and permission refusals and a closed connection pass on untouched, to the
 * security filters and the container, as does an event stream's timeout.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
public class UnhandledProblems {

    private static final Logger log = LoggerFactory.getLogger(UnhandledProblems.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unhandled(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException || e instanceof IOException
                || e instanceof AsyncRequestTimeoutException) {
            throw e;
        }
        if (e instanceof NoResourceFoundException) {
            return problem(request, HttpStatus.NOT_FOUND, new InvalidInput("gateway.notFound.path", null, request.getRequestURI()), HttpHeaders.EMPTY);
        }
        if (e instanceof ErrorResponse known) {
            log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            // Its headers say what would do (Allow, Accept, Retry-After): kept.
            return problem(request, status, new InvalidInput("gateway.refused.status", null, status.value(), status.getReasonPhrase()),
                    known.getHeaders());
        }
        log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problem(request, HttpStatus.INTERNAL_SERVER_ERROR, new InvalidInput("gateway.unexpected", null), HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, InvalidInput refusal, HttpHeaders headers) {
        // A ResponseEntity is not a ProblemDetail return type to LocalizedProblems: its title and Content-Language set here.
        Locale language = Languages.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.message(language));
        problem.setTitle(LocalizedProblems.title(status.value(), language));
        return ResponseEntity.status(status).headers(headers).header(HttpHeaders.CONTENT_LANGUAGE, LocalizedProblems.tag(language)).body(problem);
    }
}
