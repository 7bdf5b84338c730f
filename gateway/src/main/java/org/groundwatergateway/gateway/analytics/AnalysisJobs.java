package org.groundwatergateway.gateway.analytics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.gateway.config.AnalyticsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs long analyses on a small pool of their own, so that a Monte Carlo run never takes the threads that
 * serve maps and ingest, and keeps finished runs for a while for clients to collect. Analyses the platform starts by
 * itself (an incident's forecast and tracing) run on a pool of one beside it, so that a person's own analysis is never
 * queued behind minutes of them.
 */
@Component
public class AnalysisJobs implements DisposableBean {

    /** A piece of analysis that reports its progress and stops when asked. */
    @FunctionalInterface
    public interface Analysis {
        Object run(Progress progress);
    }

    private static final Logger log = LoggerFactory.getLogger(AnalysisJobs.class);

    private final Map<UUID, AnalysisJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final ExecutorService automatic;
    private final Duration retention;
    private final Clock clock;
    private final MeterRegistry registry;

    public AnalysisJobs(AnalyticsProperties properties, MeterRegistry registry, Clock clock) {
        this.registry = registry;
        Gauge.builder("gw.analysis.jobs.active", jobs, all -> all.values().stream().filter(j -> !j.isFinished()).count())
                .description("Analysis jobs queued or running").register(registry);
        this.pool = Executors.newFixedThreadPool(properties.concurrentRuns(), daemons("analysis-"));
        this.automatic = Executors.newSingleThreadExecutor(daemons("automatic-analysis-"));
        this.retention = properties.resultRetention();
        this.clock = clock;
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A person's analysis: on the pool of {@code gw.analytics.concurrent-runs}. */
    public AnalysisJob submit(String kind, Analysis work) {
        return submit(pool, kind, work);
    }

    /** An analysis the platform starts by itself (an incident's): one at a time, beside people's. */
    public AnalysisJob submitAutomatic(String kind, Analysis work) {
        return submit(automatic, kind, work);
    }

    private AnalysisJob submit(ExecutorService on, String kind, Analysis work) {
        forgetExpired();
        AnalysisJob job = new AnalysisJob(kind, clock);
        jobs.put(job.id(), job);
        on.execute(() -> {
            job.run(work);
            AnalysisJob.Status end = job.status(Locale.ENGLISH);
            // gw_analysis_job_seconds{kind, state}: how long each kind of analysis takes, and how often it fails.
            Timer.builder("gw.analysis.job").description("Analysis jobs from submission to their end, by kind and final state")
                    .tag("kind", kind).tag("state", end.state().name()).register(registry)
                    .record(Duration.between(end.created(), end.finished() == null ? clock.instant() : end.finished()));
            log.info("Analysis {} {} {}{}", kind, job.id(), end.state(), end.error() == null ? "" : ": " + end.error());
        });
        return job;
    }

    public Optional<AnalysisJob> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void forgetExpired() {
        var cutoff = clock.instant().minus(retention);
        jobs.values().removeIf(job -> job.isFinished() && job.finishedAt().isBefore(cutoff));
    }

    @Override
    public void destroy() {
        jobs.values().forEach(AnalysisJob::cancel);
        pool.shutdownNow();
        automatic.shutdownNow();
    }
}
