package org.groundwatergateway.analytics;

/**
 * How a long computation (Monte Carlo, tracing, remediation runs) tells its caller how far it is, and learns
 * that the caller no longer wants the answer. Computations call {@link #advance} between units of work, which
 * throws {@link Cancelled} once the caller has cancelled, so no half-made result escapes.
 */
public interface Progress {

    /** For callers that neither watch nor cancel. */
    Progress NONE = new Progress() {
        @Override
        public void report(double fraction, String stage) {}

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** @param fraction of the whole work done, 0 to 1 */
    void report(double fraction, String stage);

    boolean cancelled();

    /** Reports and stops the computation if the caller has cancelled. */
    default void advance(double fraction, String stage) {
        if (cancelled()) throw new Cancelled(stage);
        report(fraction, stage);
    }

    /** The part of this progress between {@code from} and {@code to}, for a computation made of stages. */
    default Progress part(double from, double to) {
        Progress whole = this;
        return new Progress() {
            @Override
            public void report(double fraction, String stage) {
                whole.report(from + (to - from) * fraction, stage);
            }

            @Override
            public boolean cancelled() {
                return whole.cancelled();
            }
        };
    }

    /** Thrown out of a computation that stopped because its caller cancelled it. */
    final class Cancelled extends RuntimeException {
        public Cancelled(String stage) {
            super("cancelled during " + stage);
        }
    }
}
