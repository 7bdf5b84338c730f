package org.groundwatergateway.core.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A plain request and the requests that expand it, measured in turn, one of each per round after a warm-up, so that
 * whatever else the machine does (a build beside it, autovacuum, the JIT, a database's background writer) falls on all
 * of them alike: measured one after the other, a plain page's p95 moved by half between runs of one build. Each p95 is
 * also given as a multiple of the plain request's (issue #14: an expanded page within 3× of the plain page).
 */
public final class InTurn {

    /** A request as reported ({@code name}), and the text of its next run (a random $skip, say). */
    public record Request(String name, Supplier<String> next) {}

    private InTurn() {}

    /**
     * Runs {@code requests} in turn, {@code warmUp} rounds unmeasured, then {@code rounds} measured, and prints a line each
     * ({@code BENCH <bench> in turn ...}), the first request being the plain one.
     *
     * @param run runs a request once and returns the size of its answer in bytes, or a negative number when not counted
     */
    public static void compare(String bench, int warmUp, int rounds, List<Request> requests, ToLongFunction<String> run) {
        long[][] nanos = new long[requests.size()][rounds];
        long[] sizes = new long[requests.size()];
        for (int round = -warmUp; round < rounds; round++) {
            for (int r = 0; r < requests.size(); r++) {
                String text = requests.get(r).next().get();
                long begin = System.nanoTime();
                long size = run.applyAsLong(text);
                long took = System.nanoTime() - begin;
                if (round >= 0) {
                    nanos[r][round] = took;
                    sizes[r] += size;
                }
            }
        }
        for (long[] n : nanos) Arrays.sort(n);
        double plainP95 = nanos[0][(int) (rounds * 0.95)];
        for (int r = 0; r < requests.size(); r++) {
            long[] n = nanos[r];
            System.out.printf(Locale.ROOT, "BENCH %s in turn %s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms over %d%s; p95 %.2f× the plain page's%n",
                    bench, requests.get(r).name(), n[rounds / 2] / 1e6, n[(int) (rounds * 0.95)] / 1e6, n[(int) (rounds * 0.99)] / 1e6,
                    n[rounds - 1] / 1e6, rounds, sizes[r] < 0 ? "" : String.format(Locale.ROOT, ", %.0f kB per answer", sizes[r] / 1024.0 / rounds),
                    n[(int) (rounds * 0.95)] / plainP95);
        }
    }
}
