package org.groundwatergateway.ingest.hj212;

/** A packet that breaks the protocol; the message says how, for the device's O&amp;M record. */
public class Hj212Exception extends RuntimeException {
    public Hj212Exception(String message) {
        super(message);
    }
}
