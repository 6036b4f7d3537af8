package io.eventos.event.web.organizer;

import io.eventos.platform.input.InputProblem;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import org.omnifaces.util.Messages;

import java.util.List;

/** Puts each refused value's sentence next to its field (or at the top when the page has no such field). */
final class FieldMessages {

    private FieldMessages() {
    }

    static void show(String formId, List<InputProblem> problems) {
        FacesContext context = FacesContext.getCurrentInstance();
        UIComponent form = context.getViewRoot().findComponent(formId);
        for (InputProblem problem : problems) {
            UIComponent field = form == null ? null : form.findComponent(problem.field());
            if (field != null) {
                Messages.addError(field.getClientId(context), problem.message());
            } else {
                Messages.addGlobalError(problem.message());
            }
        }
        context.validationFailed();
    }
}
