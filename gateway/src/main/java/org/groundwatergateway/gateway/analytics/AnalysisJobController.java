package org.groundwatergateway.gateway.analytics;

import org.groundwatergateway.core.problem.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.groundwatergateway.gateway.web.Languages;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Following and cancelling long analyses. Every analysis endpoint answers with its result when the run is
 * done; sent with {@code Prefer: respond-async} (RFC 7240) it answers at once, 202 with the run's address, and
 * the run's progress streams as server-sent events from {@code /events}.
 */
@RestController
@RequestMapping("/api/v1/analytics/jobs")
@Tag(name = "Analytics", description = "统计与趋势分析 / statistics and trends")
public class AnalysisJobController {

    private static final Duration EVENT_STREAM_TIMEOUT = Duration.ofHours(1);

    private final AnalysisJobs jobs;

    public AnalysisJobController(AnalysisJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * The answer of an analysis endpoint: its result, or with {@code Prefer: respond-async} the run to follow, at an
     * absolute address under the public root, so a client (or one behind a proxy) follows it as it is.
     */
    static ResponseEntity<Object> respond(AnalysisJobs jobs, PublicBaseUrl publicBaseUrl, String prefer, String kind, AnalysisJobs.Analysis work) {
        AnalysisJob job = jobs.submit(kind, work);
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(publicBaseUrl.root() + "/api/v1/analytics/jobs/" + job.id()))
                    .header("Preference-Applied", "respond-async").body(job.status(Languages.current()));
        }
        return ResponseEntity.ok(job.await());
    }

    @GetMapping("/{id}")
    @Operation(summary = "State, progress and (when done) the result of an analysis run")
    public AnalysisJob.Status status(@PathVariable UUID id, HttpServletRequest request) {
        return job(id).status(Languages.of(request));
    }

    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Progress of an analysis run as server-sent events",
            description = "Events named `progress` carry the status while the run goes on; the last event is `succeeded` "
                    + "(with the result), `failed` or `cancelled`, and then the stream ends.")
    public SseEmitter events(@PathVariable UUID id, HttpServletRequest request) {
        AnalysisJob job = job(id);
        Locale language = Languages.of(request);
        SseEmitter emitter = new SseEmitter(EVENT_STREAM_TIMEOUT.toMillis());
        Consumer<AnalysisJob.Status> forward = new Consumer<>() {
            @Override
            public void accept(AnalysisJob.Status status) {
                boolean last = status.state() != AnalysisJob.State.QUEUED && status.state() != AnalysisJob.State.RUNNING;
                try {
                    synchronized (emitter) {
                        emitter.send(SseEmitter.event().name(last ? status.state().name().toLowerCase(Locale.ROOT) : "progress")
                                .data(status, MediaType.APPLICATION_JSON));
                    }
                    if (last) {
                        job.unlisten(this);
                        emitter.complete();
                    }
                } catch (IOException | IllegalStateException gone) {
                    // The client went away; the run goes on for whoever else follows it.
                    job.unlisten(this);
                }
            }
        };
        emitter.onCompletion(() -> job.unlisten(forward));
        emitter.onTimeout(() -> job.unlisten(forward));
        forward.accept(job.status(language));
        job.listen(language, forward);
        return emitter;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel an analysis run; it stops at its next step")
    public ResponseEntity<AnalysisJob.Status> cancel(@PathVariable UUID id, HttpServletRequest request) {
        AnalysisJob job = job(id);
        job.cancel();
        return ResponseEntity.accepted().body(job.status(Languages.of(request)));
    }

    private AnalysisJob job(UUID id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.analysisRun", "id", id)));
    }
}
