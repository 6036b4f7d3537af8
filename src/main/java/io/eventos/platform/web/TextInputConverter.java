package io.eventos.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.html.HtmlInputHidden;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.util.Locale;

/**
 * Every text a form sends, on every page, before any page bean or service sees it (issue 13, finding 8: a NUL byte
 * answered 500 in four places, and the checkout stored a 100 kB name). Faces uses it for every input whose value is
 * a {@code String} and that names no converter of its own. A refusal is a sentence next to the field, and the field
 * keeps what was typed:
 * <ul>
 *   <li>control characters (NUL and the other C0/C1 controls, except tab and line breaks) are refused: PostgreSQL
 *   cannot store NUL, and none of the others belongs in a name, an address or a description;</li>
 *   <li>text longer than the field's own {@code maxlength}, or else than {@link #LINE_MAX} for a one-line field and
 *   {@link #TEXT_MAX} for a text area, an editor or a hidden field, is refused.</li>
 * </ul>
 * Services keep their own, usually tighter, rules; this is the floor under all of them.
 */
@FacesConverter(forClass = String.class)
public class TextInputConverter implements Converter<String> {

    /** A one-line field without a {@code maxlength} of its own: a name, an email, a code, a URL. */
    public static final int LINE_MAX = 1_000;
    /** A text area, a rich-text editor or a hidden field. */
    public static final int TEXT_MAX = 200_000;

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null) {
            return null;
        }
        problem(value, limit(component)).ifPresent(sentence -> {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, sentence));
        });
        return value;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }

    /** The sentence for a text that breaks a rule, if it does. */
    static java.util.Optional<String> problem(String value, int limit) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
                return java.util.Optional.of("Remove the control character (such as a NUL byte) from this field.");
            }
        }
        int length = value.codePointCount(0, value.length());
        if (length > limit) {
            return java.util.Optional.of(String.format(Locale.ROOT, "Use at most %,d characters (this has %,d).",
                    limit, length));
        }
        return java.util.Optional.empty();
    }

    /** The field's {@code maxlength}, or the default for its kind. */
    static int limit(UIComponent component) {
        Object max = component.getAttributes().get("maxlength");
        if (max instanceof Number n && n.intValue() > 0) {
            return n.intValue();
        }
        if (max instanceof String s && s.matches("[1-9][0-9]{0,8}")) {
            return Integer.parseInt(s);
        }
        return multiLine(component) ? TEXT_MAX : LINE_MAX;
    }

    private static boolean multiLine(UIComponent component) {
        if (component instanceof HtmlInputHidden) {
            return true;
        }
        String kind = (component.getClass().getSimpleName() + " " + component.getRendererType())
                .toLowerCase(Locale.ROOT);
        return kind.contains("textarea") || kind.contains("editor") || kind.contains("hidden");
    }
}
