package org.groundwatergateway.analytics;

import java.util.Locale;

/**
 * How a long computation (Monte Carlo, tracing, remediation runs) tells its caller how far it is, and learns
 * that the caller no longer wants the answer. Computations call {@link #advance} between units of work, which
 * throws {@link Cancelled} once the caller has cancelled, so no half-made result escapes.
 */
public interface Progress {

    /** For callers that neither watch nor cancel. */
    Progress NONE = new Progress() {
        @Override
        public void report(double fraction, Stage stage) {}

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** @param fraction of the whole work done, 0 to 1 */
    void report(double fraction, Stage stage);

    boolean cancelled();

    /** Reports and stops the computation if the caller has cancelled. */
    default void advance(double fraction, Stage stage) {
        if (cancelled()) throw new Cancelled(stage);
        report(fraction, stage);
    }

    /** The part of this progress between {@code from} and {@code to}, for a computation made of stages. */
    default Progress part(double from, double to) {
        Progress whole = this;
        return new Progress() {
            @Override
            public void report(double fraction, Stage stage) {
                whole.report(from + (to - from) * fraction, stage);
            }

            @Override
            public boolean cancelled() {
                return whole.cancelled();
            }
        };
    }

    /** Thrown out of a computation that stopped because its caller cancelled it; says at which stage. */
    final class Cancelled extends RuntimeException {
        private final Stage stage;

        public Cancelled(Stage stage) {
            super(stage.key());
            this.stage = stage;
        }

        public Stage stage() {
            return stage;
        }

        /** "Cancelled during …" in Chinese for a Chinese locale, otherwise English. */
        public String message(Locale locale) {
            return InvalidArgument.catalogued("analytics.stage.cancelled", locale, stage.text(locale));
        }

        @Override
        public String getMessage() {
            return message(Locale.ENGLISH);
        }
    }
}
