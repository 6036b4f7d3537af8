package io.eventos.platform.input;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * Input a service refuses, each problem naming its field so a page can show the sentence next to it. Rolls the
 * transaction back; nothing is half saved. Contexts below the events (media) throw it as it is; the events context
 * has its own kind ({@code EventInputException}).
 */
@ApplicationException(rollback = true, inherited = true)
public class InputRefusedException extends RuntimeException {

    private final List<InputProblem> problems;

    public InputRefusedException(List<InputProblem> problems) {
        super(problems.isEmpty() ? "Invalid input" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InputRefusedException(String field, String message) {
        this(List.of(new InputProblem(field, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
