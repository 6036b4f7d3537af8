package io.eventos.event.service;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * Input the events services refuse (events, venues, covers): each problem names its field, so a page can show the
 * sentence next to it. Rolls the transaction back; nothing is half saved.
 */
@ApplicationException(rollback = true)
public class EventInputException extends RuntimeException {

    private final List<InputProblem> problems;

    public EventInputException(List<InputProblem> problems) {
        super(problems.isEmpty() ? "Invalid input" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public EventInputException(String field, String message) {
        this(List.of(new InputProblem(field, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
