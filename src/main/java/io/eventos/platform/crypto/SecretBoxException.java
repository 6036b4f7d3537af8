package io.eventos.platform.crypto;

/**
 * A secret could not be sealed or opened: the key is missing or malformed, or sealed data does not open with this
 * key and context. The message is one sentence meant for an operator's log; it never contains key material.
 */
public class SecretBoxException extends RuntimeException {

    public SecretBoxException(String message) {
        super(message);
    }

    public SecretBoxException(String message, Throwable cause) {
        super(message, cause);
    }
}
