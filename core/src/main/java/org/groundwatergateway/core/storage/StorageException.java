package org.groundwatergateway.core.storage;

/** A storage operation failed; the message says which and why. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
