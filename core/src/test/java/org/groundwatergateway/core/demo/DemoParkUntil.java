package org.groundwatergateway.core.demo;

import java.time.Duration;
import java.time.Instant;
import org.groundwatergateway.core.storage.Database;

/** The demo park as stored data up to a moment of its year, for tests of what is done with stored readings. */
final class DemoParkUntil {

    /** Thirty days after the benzene release: the moment the tracing and emergency checks are set at. */
    static final Instant THIRTY_DAYS_AFTER_THE_BENZENE_RELEASE = DemoPark.BENZENE_LEAK.start().plus(Duration.ofDays(30));

    private DemoParkUntil() {}

    /** Loads the demo's whole days from its start until {@code until} (straight to storage, without QA/QC). */
    static void load(Database database, Instant until) {
        int days = (int) Math.ceil(Duration.between(DemoPark.START, until).toHours() / 24.0) + 1;
        new DemoParkLoader(database).loadIfAbsent(days, p -> { });
    }
}
