package org.groundwatergateway.gateway.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.analytics.Stage;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.config.AnalyticsProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnalysisJobsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AnalysisJobs jobs = new AnalysisJobs(new AnalyticsProperties(1, Duration.ofHours(1)), meters, Clock.systemUTC());

    @AfterEach
    void stop() {
        jobs.destroy();
    }

    @Test
    void aRunReportsProgressAndEndsWithItsResult() {
        List<AnalysisJob.Status> seen = new CopyOnWriteArrayList<>();
        CountDownLatch listening = new CountDownLatch(1);
        AnalysisJob job = jobs.submit("count", progress -> {
            await(listening);
            for (int i = 1; i <= 3; i++) progress.advance(i / 3.0, Stage.of("analytics.stage.realisation", i, 3));
            return 42;
        });
        job.listen(Locale.ENGLISH, seen::add);
        listening.countDown();

        assertThat(job.await()).isEqualTo(42);
        AnalysisJob.Status last = seen.get(seen.size() - 1);
        assertThat(last.state()).isEqualTo(AnalysisJob.State.SUCCEEDED);
        assertThat(last.result()).isEqualTo(42);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(seen).extracting(AnalysisJob.Status::state).contains(AnalysisJob.State.RUNNING);
        assertThat(jobs.find(job.id())).containsSame(job);
        // Metered when it ends (the pool's thread meters it right after the job's own end).
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (meters.find("gw.analysis.job").timer() == null && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(meters.get("gw.analysis.job").tag("kind", "count").tag("state", "SUCCEEDED").timer().count()).isEqualTo(1);
        assertThat(meters.get("gw.analysis.jobs.active").gauge().value()).isZero();
    }

    @Test
    void aCancelledRunStopsAtItsNextStepAndKeepsNoResult() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AnalysisJob job = jobs.submit("endless", progress -> {
            started.countDown();
            await(cancelled);
            for (int step = 0; ; step++) progress.advance(0.5, Stage.of("analytics.stage.realisation", step, "∞"));
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        job.cancel();
        cancelled.countDown();

        assertThatThrownBy(job::await).isInstanceOf(Progress.Cancelled.class);
        assertThat(job.status(Locale.ENGLISH).state()).isEqualTo(AnalysisJob.State.CANCELLED);
        // Where it stopped, in each reader's language.
        assertThat(job.status(Locale.ENGLISH).error()).matches("cancelled during realisation \\d+ of ∞");
        assertThat(job.status(Locale.CHINESE).error()).matches("在“随机模拟：第 \\d+ / ∞ 次”阶段取消");
        assertThat(job.status(Locale.ENGLISH).result()).isNull();
    }

    @Test
    void aQueuedRunCancelledBeforeItStartsNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AnalysisJob blocking = jobs.submit("blocking", progress -> {
            await(release);
            return "first";
        });
        List<String> ran = new CopyOnWriteArrayList<>();
        AnalysisJob queued = jobs.submit("queued", progress -> {
            ran.add("queued");
            return "second";
        });
        assertThat(queued.status(Locale.ENGLISH).state()).isEqualTo(AnalysisJob.State.QUEUED);
        queued.cancel();
        release.countDown();

        assertThat(blocking.await()).isEqualTo("first");
        assertThat(queued.status(Locale.ENGLISH).state()).isEqualTo(AnalysisJob.State.CANCELLED);
        // The stage it was cancelled at, named in each reader's language.
        assertThat(queued.status(Locale.CHINESE).error()).isEqualTo("在“排队中”阶段取消");
        assertThat(queued.status(Locale.CHINESE).stage()).isEqualTo("排队中");
        assertThat(queued.status(Locale.ENGLISH).error()).isEqualTo("cancelled during queued");
        jobs.submit("after", progress -> "third").await();
        assertThat(ran).isEmpty();
    }

    /**
     * An incident's analysis, which the platform starts by itself, runs beside people's: a person's analysis with the
     * one run at a time its pool allows (concurrent-runs 1 here) is not queued behind it.
     */
    @Test
    void anAutomaticRunDoesNotQueueAPersonsRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AnalysisJob automatic = jobs.submitAutomatic("incident 1", progress -> {
            await(release);
            return "forecast";
        });
        AnalysisJob persons = jobs.submit("transport", progress -> "plume");
        try {
            assertThat(java.util.concurrent.CompletableFuture.supplyAsync(persons::await).get(5, TimeUnit.SECONDS))
                    .as("a person's run while an incident's is busy").isEqualTo("plume");
            assertThat(automatic.status(Locale.ENGLISH).state()).isEqualTo(AnalysisJob.State.RUNNING);
            // Automatic runs take turns among themselves.
            AnalysisJob second = jobs.submitAutomatic("incident 2", progress -> "second forecast");
            assertThat(second.status(Locale.ENGLISH).state()).isEqualTo(AnalysisJob.State.QUEUED);
        } finally {
            release.countDown();
        }
        assertThat(automatic.await()).isEqualTo("forecast");
    }

    @Test
    void aFailureIsRethrownWithItsMessage() {
        AnalysisJob job = jobs.submit("bad", progress -> {
            throw new IllegalArgumentException("porosity must be in (0, 1]");
        });
        assertThatThrownBy(job::await).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("porosity");
        assertThat(job.status(Locale.ENGLISH).error()).contains("porosity");
        assertThat(job.status(Locale.ENGLISH).state()).isEqualTo(AnalysisJob.State.FAILED);
    }

    /** A failure of the platform's own (a bug, the database) tells the reader no more than that: its text is for the log. */
    @Test
    void anUnexpectedFailureIsNotToldAsItsMessage() {
        AnalysisJob job = jobs.submit("broken", progress -> {
            throw new IllegalStateException("relation \"readings_y2026m13\" does not exist");
        });
        assertThatThrownBy(job::await).isInstanceOf(IllegalStateException.class);
        assertThat(job.status(Locale.ENGLISH).error()).isEqualTo("the request could not be completed; the gateway's log says why");
        assertThat(job.status(Locale.CHINESE).error()).isEqualTo("请求未能完成，原因已记入网关日志");
        assertThat(job.status(Locale.ENGLISH).field()).isNull();
    }

    /** A catalogued refusal is kept as such: each reader of the run is told why it failed in their own language. */
    @Test
    void aCataloguedFailureIsToldInTheReadersLanguage() throws Exception {
        AnalysisJob job = jobs.submit("test", progress -> {
            throw new InvalidArgument("analytics.transport.porosityAbove1");
        });
        List<AnalysisJob.Status> heardInChinese = new CopyOnWriteArrayList<>();
        assertThatThrownBy(job::await).isInstanceOf(InvalidArgument.class);
        job.listen(Locale.CHINESE, heardInChinese::add);
        assertThat(job.status(Locale.CHINESE).error()).isEqualTo("有效孔隙度不能大于 1");
        assertThat(job.status(Locale.ENGLISH).error()).isEqualTo("effective porosity cannot exceed 1");
        assertThat(heardInChinese).extracting(AnalysisJob.Status::error).containsExactly("有效孔隙度不能大于 1");
        assertThat(job.status(Locale.ENGLISH).field()).as("not one field's").isNull();
    }

    /** A refusal of one of the request's fields names it, as a refused request's problem does, for the form to show it there. */
    @Test
    void aRefusedFieldIsNamedInTheStatus() {
        AnalysisJob job = jobs.submit("test", progress -> {
            throw InvalidInput.placed("site", new InvalidArgument("analytics.transport.porosityAbove1"));
        });
        assertThatThrownBy(job::await).isInstanceOf(InvalidInput.class);
        assertThat(job.status(Locale.ENGLISH).field()).isEqualTo("site");
        assertThat(job.status(Locale.ENGLISH).error()).isEqualTo("site: effective porosity cannot exceed 1");
        assertThat(job.status(Locale.CHINESE).error()).isEqualTo("site：有效孔隙度不能大于 1");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
