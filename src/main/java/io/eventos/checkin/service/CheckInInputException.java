package io.eventos.checkin.service;

import io.eventos.platform.input.InputProblem;
import jakarta.ejb.ApplicationException;

import java.util.List;

/** Several refused values of a check-in form at once, each with its field; the first is the exception's own. */
@ApplicationException(rollback = true)
public class CheckInInputException extends CheckInException {

    private final List<InputProblem> problems;

    public CheckInInputException(List<InputProblem> problems) {
        super(problems.get(0).field(), problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
