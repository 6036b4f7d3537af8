package io.eventos.platform.web;

import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import org.omnifaces.util.Messages;

import java.util.List;

/**
 * Shows a service's refusal of input ({@link InputRefusedException} and every kind that extends it): each problem's
 * sentence next to its field in the given form, or at the top of the page when the problem names no field or the
 * form has no component of that id. Marks the request's validation failed (PrimeFaces' {@code args.validationFailed}),
 * as a converter or validator would.
 */
public final class FieldMessages {

    private FieldMessages() {
    }

    /** {@code formId}: the form's id in the view (e.g. "event-form"); problems' fields are ids inside it. */
    public static void show(String formId, InputRefusedException refused) {
        show(formId, refused.problems());
    }

    public static void show(String formId, List<InputProblem> problems) {
        FacesContext context = FacesContext.getCurrentInstance();
        UIComponent form = context.getViewRoot().findComponent(formId);
        for (InputProblem problem : problems) {
            UIComponent field = form == null || problem.field() == null ? null : form.findComponent(problem.field());
            if (field != null) {
                Messages.addError(field.getClientId(context), problem.message());
            } else {
                Messages.addGlobalError(problem.message());
            }
        }
        context.validationFailed();
    }
}
