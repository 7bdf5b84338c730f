package org.groundwatergateway.core.federation;

import java.time.Instant;

/** One observation of a partner's datastream, as its SensorThings API gave it. */
public record ForeignObservation(long remoteId, Instant phenomenonTime, Double result) {}
