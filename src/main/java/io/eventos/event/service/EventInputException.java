package io.eventos.event.service;

import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;
import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * Input the events services refuse (events, venues, agenda): each problem names its field, so a page can show the
 * sentence next to it. Rolls the transaction back; nothing is half saved.
 */
@ApplicationException(rollback = true)
public class EventInputException extends InputRefusedException {

    public EventInputException(List<InputProblem> problems) {
        super(problems);
    }

    public EventInputException(String field, String message) {
        super(field, message);
    }
}
