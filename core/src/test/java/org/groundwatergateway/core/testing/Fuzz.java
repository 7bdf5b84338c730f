package org.groundwatergateway.core.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-based test runner: a property is checked on {@code count} inputs drawn from a generator. Each run
 * draws new inputs from a random seed, printed, so a failure names the seed and input number that reproduce it
 * ({@code -Dgw.fuzz.seed=<seed>}); {@code -Dgw.fuzz.scale=10} checks ten times as many inputs.
 *
 * <p>Why not jqwik: its releases from 1.10 on ask not to be used by coding agents, and it is built on JUnit Platform 1
 * while this build runs JUnit 6; the few things needed here (seeded generation, counts, reproduction) fit in this class.
 */
public final class Fuzz {

    /** The seed of this run: given, or drawn once per JVM. */
    public static final long SEED = Long.getLong("gw.fuzz.seed", new SecureRandom().nextLong());
    private static final double SCALE = Double.parseDouble(System.getProperty("gw.fuzz.scale", "1"));

    private Fuzz() {}

    /**
     * Checks {@code property} on {@code count} (times the scale) inputs of {@code inputs}; the first input whose check
     * throws, or takes longer than {@code slowest}, fails the test with the seed, its number and an excerpt of it.
     *
     * @return how many inputs were checked
     */
    public static <T> int check(String name, int count, Duration slowest, Function<Random, T> inputs, Consumer<T> property) {
        long seed = SEED ^ name.hashCode();
        Random random = new Random(seed);
        int n = (int) Math.max(1, Math.round(count * SCALE));
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            T input = inputs.apply(random);
            long start = System.nanoTime();
            try {
                property.accept(input);
            } catch (Throwable e) {
                throw new AssertionError(name + ": input " + i + " of run seed " + SEED + " (-Dgw.fuzz.seed=" + SEED + " reproduces) failed: "
                        + e + "\n  input: " + excerpt(input), e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (took.compareTo(slowest) > 0) {
                throw new AssertionError(name + ": input " + i + " of run seed " + SEED + " took " + took.toMillis() + " ms, more than "
                        + slowest.toMillis() + " ms\n  input: " + excerpt(input));
            }
        }
        System.out.printf("Fuzz %s: %d inputs in %d ms (seed %d)%n", name, n, (System.nanoTime() - started) / 1_000_000, SEED);
        return n;
    }

    private static String excerpt(Object input) {
        String text = input instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                : input instanceof Object[] array ? java.util.Arrays.toString(array) : String.valueOf(input);
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "… (" + text.length() + " characters)";
    }
}
