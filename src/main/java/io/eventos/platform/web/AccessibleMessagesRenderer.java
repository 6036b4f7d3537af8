package io.eventos.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

import java.io.IOException;

/**
 * PrimeFaces' {@code p:messages} as screen readers and axe-core expect it: PrimeFaces writes each message as
 * {@code <li role="alert">}, and an item with another role is no list item, so the list is invalid (axe-core "list",
 * serious) and some screen readers skip it. Here each message is a plain list item; the messages' container is
 * already {@code aria-live="polite"}, so a new message is still announced. Registered for every {@code p:messages}
 * in faces-config.xml.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessage(ResponseWriter writer, Messages uiMessages, FacesMessage msg, String severity,
                                 boolean escape) throws IOException {
        super.encodeMessage(new ResponseWriterWrapper(writer) {
            @Override
            public void writeAttribute(String name, Object value, String property) throws IOException {
                if (!"role".equals(name) && !"aria-atomic".equals(name)) {
                    super.writeAttribute(name, value, property);
                }
            }
        }, uiMessages, msg, severity, escape);
    }
}
