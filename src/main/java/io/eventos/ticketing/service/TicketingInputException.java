package io.eventos.ticketing.service;

import io.eventos.platform.input.InputProblem;

import java.util.List;

/**
 * Several refused values of one ticketing form at once (e.g. a promo code), each with the field it belongs next to,
 * so the organizer fixes them in one go. The first problem is also this exception's field and sentence.
 */
public class TicketingInputException extends TicketingException {

    private final List<InputProblem> problems;

    public TicketingInputException(List<InputProblem> problems) {
        super(problems.get(0).field(), problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
