package io.eventos.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.util.UUID;

/**
 * Every {@code UUID} a view binds (view parameters, hidden inputs, selects): blank is null, a malformed id fails
 * conversion like any other bad value. A view parameter that names a record says what a malformed id means with
 * {@code <o:viewParamValidationFailed sendError="404"/>} inside its {@code <f:viewParam>}: the page is "not found",
 * as for an unknown id, and its view action does not run.
 */
@FacesConverter(forClass = UUID.class)
public class UuidConverter implements Converter<UUID> {

    static final String NOT_AN_ID = "This is not a valid id.";

    @Override
    public UUID getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        UUID id = Ids.parse(value);
        if (id == null) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, NOT_AN_ID, NOT_AN_ID));
        }
        return id;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, UUID value) {
        return value == null ? "" : value.toString();
    }
}
