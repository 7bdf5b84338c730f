package org.groundwatergateway.gateway.drill;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.core.emergency.IncidentService;

/**
 * Drills replay on a thread of their own, one at a time, so that a long replay never queues a real incident's forecast
 * behind it on the analysis pool. A drill reports its progress on itself ({@code drill.progress}).
 */
public final class DrillReplays implements IncidentService.Background, AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drill-replay");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void run(String kind, Consumer<Progress> work) {
        thread.execute(() -> work.accept(Progress.NONE));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
