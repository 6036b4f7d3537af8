package io.eventos.platform.input;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * Input a service refuses, each problem naming its field so a page can show the sentence next to it (a null field:
 * the form as a whole). Rolls the transaction back; nothing is half saved. The one base of every field-problem
 * exception: contexts below the events (media, crm) throw it as it is; the others have their own kinds that extend it
 * ({@code EventInputException}, {@code AgendaException}, {@code TicketingException}, {@code CheckInException},
 * {@code SettingsException}, {@code InvitationException}, {@code TeamException}, {@code TwoFactorException}), and a
 * page shows any of them with {@code platform.web.FieldMessages}.
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

    /**
     * One problem, without a stack trace when {@code stackTrace} is false (refusals that are part of the normal flow
     * and frequent, e.g. ticketing's).
     */
    protected InputRefusedException(String field, String message, boolean stackTrace) {
        super(message, null, false, stackTrace);
        this.problems = List.of(new InputProblem(field, message));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
