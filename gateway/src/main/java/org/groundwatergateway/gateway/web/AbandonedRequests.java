package org.groundwatergateway.gateway.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.groundwatergateway.core.storage.StatementWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops the database work of a request whose client has gone away (issue #15): a costly SensorThings, WFS or REST read
 * went on for minutes after its client left. Each request's statements are watched ({@link StatementWatch}); twice a
 * second, if any request has run for over a second, the connections whose peer has closed them are read from the
 * kernel ({@link PeerClosedConnections}) and the statements of requests that came on one of them are cancelled.
 * Where the kernel's table cannot be read (not Linux), or behind a proxy that rewrites the client's address, requests
 * are bounded by {@code gw.query-timeout} alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class AbandonedRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AbandonedRequests.class);
    private static final long CHECK_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Running(long startedAt, PeerClosedConnections.Connection connection, String what) {}

    private final Map<StatementWatch, Running> running = new ConcurrentHashMap<>();
    private final AtomicLong cancelled = new AtomicLong();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "abandoned-requests");
        thread.setDaemon(true);
        return thread;
    });

    public AbandonedRequests(MeterRegistry registry) {
        FunctionCounter.builder("gw.requests.abandoned", cancelled, AtomicLong::get)
                .description("Requests whose database work was cancelled because their client had closed the connection").register(registry);
        checker.scheduleWithFixedDelay(this::check, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        StatementWatch watch = StatementWatch.begin();
        try {
            connection(request).ifPresent(c -> running.put(watch, new Running(System.nanoTime(), c, request.getMethod() + " " + request.getRequestURI())));
            chain.doFilter(request, response);
        } finally {
            running.remove(watch);
            watch.end();
        }
    }

    private static Optional<PeerClosedConnections.Connection> connection(HttpServletRequest request) {
        try {
            // An address literal: no name is looked up.
            return Optional.of(new PeerClosedConnections.Connection(InetAddress.getByName(request.getRemoteAddr()), request.getRemotePort(),
                    request.getLocalPort()));
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }

    private void check() {
        try {
            long now = System.nanoTime();
            if (running.values().stream().noneMatch(r -> now - r.startedAt() > CHECK_AFTER_NANOS)) return;
            Optional<Set<PeerClosedConnections.Connection>> closed = PeerClosedConnections.read();
            if (closed.isEmpty()) return;
            running.forEach((watch, r) -> {
                if (now - r.startedAt() > CHECK_AFTER_NANOS && !watch.cancelled() && closed.get().contains(r.connection())) {
                    watch.cancel();
                    cancelled.incrementAndGet();
                    log.info("Cancelled {} after {} ms: its client closed the connection", r.what(), TimeUnit.NANOSECONDS.toMillis(now - r.startedAt()));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not check for abandoned requests: {}", e.toString());
        }
    }

    /** Requests cancelled so far. */
    public long cancelled() {
        return cancelled.get();
    }

    /** Requests being served now. */
    public int running() {
        return running.size();
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
