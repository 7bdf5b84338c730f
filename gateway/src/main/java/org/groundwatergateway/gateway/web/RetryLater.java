package org.groundwatergateway.gateway.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;

/**
 * What every door says while something it needs is away for a while (the database restarting or failing over): 503
 * with {@code Retry-After}, so clients and probes back off briefly instead of treating it as an error of theirs or ours.
 */
public final class RetryLater {

    /** About what a database restart or fail-over takes; the intake probes the database more often than this. */
    public static final Duration AFTER = Duration.ofSeconds(5);

    private RetryLater() {}

    /** The value of the {@code Retry-After} header. */
    public static String seconds() {
        return Long.toString(AFTER.toSeconds());
    }

    public static void setHeader(HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, seconds());
    }
}
