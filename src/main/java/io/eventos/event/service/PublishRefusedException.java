package io.eventos.event.service;

import jakarta.ejb.ApplicationException;

import java.util.List;

/** Publishing (or another status change) was refused; {@link #missing()} says what to do first, one line each. */
@ApplicationException(rollback = true)
public class PublishRefusedException extends RuntimeException {

    private final List<String> missing;

    public PublishRefusedException(List<String> missing) {
        super(String.join(" ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
