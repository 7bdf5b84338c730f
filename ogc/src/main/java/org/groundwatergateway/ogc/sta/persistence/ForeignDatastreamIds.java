package org.groundwatergateway.ogc.sta.persistence;

/**
 * How SensorThings numbers the datastreams partners share with us, mirrored (docs/federation.md): from {@link #BASE}
 * up, their id in {@code foreign_datastreams} added, so that they share one id space with ours and never collide.
 * They are read-only: nothing but the federation puller and message intake writes to a mirror.
 */
public final class ForeignDatastreamIds {

    /** Above any datastream id of ours; below 2^53, so JSON numbers carry every id exactly. */
    public static final long BASE = 1_000_000_000_000L;

    private ForeignDatastreamIds() {}

    public static boolean isForeign(long datastreamId) {
        return datastreamId > BASE;
    }

    public static long of(long foreignDatastreamId) {
        return BASE + foreignDatastreamId;
    }
}
