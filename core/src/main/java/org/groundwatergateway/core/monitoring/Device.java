package org.groundwatergateway.core.monitoring;

import java.time.Instant;

/**
 * A data logger that reports over HJ 212 (or MQTT) under its device number MN, with what the platform has
 * seen of it.
 *
 * @param accepts2005 whether HJ/T 212-2005 packets (no QN and Flag, old pollutant codes) are accepted from it
 * @param maxDataLength the longest data segment accepted: 1024 by the standard, more for known offenders
 */
public record Device(Long id, String mn, long parkId, String password, boolean accepts2005, int maxDataLength, boolean enabled,
                     String description, Instant registeredAt, Instant lastSeenAt, long packetsReceived, long packetsRejected) {

    public static Device register(String mn, long parkId, String password, String description, Instant at) {
        return new Device(null, mn, parkId, password, false, 1024, true, description, at, null, 0, 0);
    }

    public Device withId(long newId) {
        return new Device(newId, mn, parkId, password, accepts2005, maxDataLength, enabled, description, registeredAt, lastSeenAt,
                packetsReceived, packetsRejected);
    }
}
