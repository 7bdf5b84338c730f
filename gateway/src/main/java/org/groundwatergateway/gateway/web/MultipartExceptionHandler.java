package org.groundwatergateway.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body that cannot be split into its parts (no boundary, a broken part) fails before any controller is
 * chosen, so {@link ApiExceptionHandler}, which applies to the gateway's own controllers only, never sees it: this
 * advice applies everywhere and answers it as the sender's problem rather than a 500.
 */
@RestControllerAdvice
public class MultipartExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(MultipartExceptionHandler.class);

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        String reason = e.getMostSpecificCause().getMessage();
        log.info("Rejected multipart request: {}", reason);
        if (e instanceof MaxUploadSizeExceededException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "the multipart body is too large: " + reason);
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the multipart body cannot be read: " + reason
                + " (uploads are sent as the whole body, text/csv or application/json)");
    }
}
