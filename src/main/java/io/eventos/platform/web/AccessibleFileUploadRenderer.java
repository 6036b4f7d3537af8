package io.eventos.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

import java.io.IOException;

/**
 * PrimeFaces' simple {@code p:fileUpload} (the browser's own file field) without {@code aria-hidden="true"}:
 * PrimeFaces hides that field from screen readers although it is the visible, focusable control, so a screen reader
 * user could reach it with the keyboard and hear nothing (axe-core "aria-hidden-focus", serious). Registered in
 * faces-config.xml.
 */
public class AccessibleFileUploadRenderer extends FileUploadRenderer {

    @Override
    protected void encodeSimpleInputField(FacesContext context, FileUpload fileUpload, String clientId, String name,
                                          String styleClass) throws IOException {
        ResponseWriter original = context.getResponseWriter();
        context.setResponseWriter(new ResponseWriterWrapper(original) {
            @Override
            public void writeAttribute(String attribute, Object value, String property) throws IOException {
                if (!"aria-hidden".equals(attribute)) {
                    super.writeAttribute(attribute, value, property);
                }
            }
        });
        try {
            super.encodeSimpleInputField(context, fileUpload, clientId, name, styleClass);
        } finally {
            context.setResponseWriter(original);
        }
    }
}
