package io.eventos.account.web.organizer;

import io.eventos.account.service.AuditQuery;
import io.eventos.account.service.AuditRecord;
import io.eventos.account.service.AuditService;
import io.eventos.platform.web.Ids;
import io.eventos.platform.web.LazyList;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** {@code /app/audit.xhtml}: the audit log, newest first, filtered and paged in SQL. */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditService audit;

    private String action;
    private String actor;
    private LocalDate from;
    private LocalDate to;
    /** One record's own history (?subject=order&amp;id=...): the kinds of records that have a page of their own. */
    private String subject;
    private String id;
    private static final java.util.Set<String> SUBJECTS = java.util.Set.of("order", "event", "venue", "member",
            "account", "contact", "promo_code", "ticket", "attendee", "session", "speaker", "checkin_list",
            "checkin_device", "capacity_group", "invitation", "event_series", "user", "contact_import");


    private final LazyList<AuditRecord> entries = new LazyList<>(() -> audit.total(query()),
            (total, first, pageSize, field, ascending) -> audit.page(query(), total, first, pageSize),
            AuditRecord::id);

    private AuditQuery query() {
        return new AuditQuery(action, actor, from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                isOneRecord() ? subject : null, isOneRecord() ? Ids.parse(id) : null);
    }

    /** True when the page shows one record's history (a known kind and a well-formed id). */
    public boolean isOneRecord() {
        return subject != null && SUBJECTS.contains(subject) && Ids.parse(id) != null;
    }

    /** "order", "promo code", ...: the kind of record in words. */
    public String getSubjectLabel() {
        return subject == null ? "" : subject.replace('_', ' ');
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** "1,234 entries" or "about 1,000,000 entries" above the table. */
    public String getTotalWords() {
        return entries.total().words("entry", "entries");
    }

    public boolean isTotalEstimated() {
        return entries.total().estimated();
    }

    public LazyDataModel<AuditRecord> getEntries() {
        return entries;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
