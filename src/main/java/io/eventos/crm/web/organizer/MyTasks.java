package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ContactService;
import io.eventos.crm.service.TaskRow;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.Formats;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The "My tasks" block of the dashboard ({@code WEB-INF/includes/my-tasks.xhtml}): the signed-in member's open
 * tasks, soonest due first.
 */
@Named
@RequestScoped
public class MyTasks {


    @Inject
    ContactService contacts;

    private List<TaskRow> rows = List.of();

    @PostConstruct
    void load() {
        try {
            rows = contacts.myTasks(10);
        } catch (AccessDeniedException e) {
            rows = List.of();
        }
    }

    public List<TaskRow> getRows() {
        return rows;
    }

    public String due(Instant at) {
        return at == null ? "no due date" : "due " + Formats.ISO_DAY.format(at.atZone(ZoneOffset.UTC));
    }

    public boolean overdue(Instant at) {
        return at != null && at.isBefore(Instant.now());
    }
}
