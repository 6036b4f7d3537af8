package io.eventos.ticketing.service;

import io.eventos.account.service.AuditLog;
import io.eventos.event.service.EventFacts;
import io.eventos.platform.input.InputProblem;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.domain.PromoCode;
import io.eventos.ticketing.domain.PromoCodeKind;
import io.eventos.ticketing.domain.Ticket;
import io.eventos.ticketing.domain.TicketVisibility;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The organizer's promo codes of an event: list with uses and derived state, create, change, delete a code nobody
 * used, end a used one. Changes run under the event's {@link SalesLock}, the lock the checkout takes before it counts
 * a use, so a usage limit can never be lowered below a use that slips in meanwhile. Every change is audited.
 */
@Stateless
@TenantBound
public class PromoCodeService {

    /** What a code may consist of: people type it, so no spaces or look-alike punctuation. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");
    static final int MAX_LENGTH = 40;

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    EventFacts events;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** The event's codes, alphabetically, each with its uses and state now. */
    @RequiresPermission(Permission.VIEW)
    public List<PromoCodeRow> list(@EventRef UUID eventId) {
        String currency = TicketTypeService.eventCurrency(events, eventId);
        Map<UUID, Ticket> tickets = tickets(eventId);
        Instant now = clock.instant();
        return em.createQuery("select p from PromoCode p where p.eventId = :event order by lower(p.code)",
                        PromoCode.class)
                .setParameter("event", eventId).getResultStream()
                .map(p -> row(p, tickets, currency, now)).toList();
    }

    @RequiresPermission(Permission.TICKETS_MANAGE)
    public UUID create(@EventRef UUID eventId, PromoCodeForm form) {
        TicketTypeService.eventCurrency(events, eventId);
        SalesLock.lockEvent(em, eventId);
        String code = validate(eventId, null, form, 0);
        PromoCode promo = new PromoCode(eventId, code, kind(form.kind()));
        apply(promo, form);
        em.persist(promo);
        audit.record("promo_code.created", "promo_code", promo.getId(), null, describe(promo)).setEventId(eventId);
        return promo.getId();
    }

    /** Changes a code; its usage limit never below the uses it already has. */
    @RequiresPermission(Permission.TICKETS_MANAGE)
    public void update(@EventRef UUID eventId, UUID codeId, PromoCodeForm form) {
        SalesLock.lockEvent(em, eventId);
        PromoCode promo = promo(eventId, codeId); // read after the lock: its uses as counted now
        String code = validate(eventId, codeId, form, promo.getUsedCount());
        Map<String, Object> before = describe(promo);
        promo.setCode(code);
        promo.setKind(kind(form.kind()));
        apply(promo, form);
        audit.record("promo_code.updated", "promo_code", codeId, before, describe(promo)).setEventId(eventId);
    }

    /**
     * Deletes a code nobody has used. A used code stays for the record of its orders (the answer says to end it
     * instead); one sitting in a buyer's active cart is refused until that cart is ordered or expires.
     */
    @RequiresPermission(Permission.TICKETS_MANAGE)
    public void delete(@EventRef UUID eventId, UUID codeId) {
        SalesLock.lockEvent(em, eventId);
        PromoCode promo = promo(eventId, codeId);
        long orders = SqlValues.number(em.createNativeQuery("select count(*) from orders where promo_code_id = ?1")
                .setParameter(1, codeId).getSingleResult());
        if (promo.getUsedCount() > 0 || orders > 0) {
            long uses = Math.max(promo.getUsedCount(), orders);
            throw new TicketingException(null, promo.getCode() + " was used " + times(uses) + ", so it stays for the "
                    + "record of those orders; use “End now” to stop it being used.");
        }
        long inCarts = SqlValues.number(em.createNativeQuery("""
                        select count(*) from holds where promo_code_id = ?1 and status = 'active' and expires_at > now()""")
                .setParameter(1, codeId).getSingleResult());
        if (inCarts > 0) {
            throw new TicketingException(null, "Someone has " + promo.getCode() + " in their cart right now; use "
                    + "“End now”, or delete it once that cart has been ordered or has expired.");
        }
        // carts that expired or were given back keep no reference to a code that no longer exists
        em.createNativeQuery("update holds set promo_code_id = null where promo_code_id = ?1")
                .setParameter(1, codeId).executeUpdate();
        audit.record("promo_code.deleted", "promo_code", codeId, describe(promo), null).setEventId(eventId);
        em.remove(promo);
    }

    /**
     * Ends a code now: it stops being valid (valid until = now) and stays in the list with its uses. A code that had
     * not started yet loses its start, since it ends before it would have begun.
     */
    @RequiresPermission(Permission.TICKETS_MANAGE)
    public void end(@EventRef UUID eventId, UUID codeId) {
        SalesLock.lockEvent(em, eventId);
        PromoCode promo = promo(eventId, codeId);
        Instant now = clock.instant();
        if (promo.getValidUntil() != null && !promo.getValidUntil().isAfter(now)) {
            throw new TicketingException(null, promo.getCode() + " has already expired.");
        }
        Map<String, Object> before = describe(promo);
        if (promo.getValidFrom() != null && !promo.getValidFrom().isBefore(now)) {
            promo.setValidFrom(null);
        }
        promo.setValidUntil(now);
        audit.record("promo_code.ended", "promo_code", codeId, before, describe(promo)).setEventId(eventId);
    }

    // ---------------------------------------------------------------------------------------------------- rules

    /** Every refused value at once, each next to its field; returns the code as it is stored (stripped). */
    private String validate(UUID eventId, UUID codeId, PromoCodeForm form, int used) {
        List<InputProblem> problems = new ArrayList<>();
        String code = form.code() == null ? "" : form.code().strip();
        if (code.isEmpty()) {
            problems.add(new InputProblem("code", "Enter the code people will type, e.g. SPRING."));
        } else if (code.length() > MAX_LENGTH) {
            problems.add(new InputProblem("code", "A code has at most " + MAX_LENGTH + " characters; this one has "
                    + code.length() + "."));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new InputProblem("code", "Use only letters, digits, - and _ (no spaces)."));
        } else {
            em.createQuery("""
                            select p.code from PromoCode p
                            where p.eventId = :event and lower(p.code) = :code and p.id <> :id""", String.class)
                    .setParameter("event", eventId).setParameter("code", code.toLowerCase(Locale.ROOT))
                    .setParameter("id", codeId == null ? UUID.randomUUID() : codeId)
                    .getResultStream().findFirst()
                    .ifPresent(taken -> problems.add(new InputProblem("code",
                            "This event already has the code " + taken + ".")));
        }
        PromoCodeKind kind = kind(form.kind());
        if (kind == null) {
            problems.add(new InputProblem("kind", "Choose what the code does."));
        } else if (kind == PromoCodeKind.PERCENT && (form.percentOff() == null || form.percentOff() < 1
                || form.percentOff() > 100)) {
            problems.add(new InputProblem("percentOff", "Enter a percentage from 1 to 100."));
        } else if (kind == PromoCodeKind.FIXED && (form.amountOffMinor() == null || form.amountOffMinor() <= 0)) {
            problems.add(new InputProblem("amountOff", "Enter an amount above 0, e.g. 5.00."));
        }
        Map<UUID, Ticket> tickets = tickets(eventId);
        if (!tickets.keySet().containsAll(form.ticketIds())) {
            problems.add(new InputProblem("tickets", "Choose ticket types of this event."));
        } else if (kind == PromoCodeKind.UNLOCK) {
            boolean anyHidden = tickets.values().stream().anyMatch(t -> t.getVisibility() == TicketVisibility.HIDDEN);
            List<String> visible = form.ticketIds().stream().map(tickets::get)
                    .filter(t -> t.getVisibility() != TicketVisibility.HIDDEN).map(Ticket::getName).toList();
            if (!anyHidden) {
                problems.add(new InputProblem("tickets", "This event has no hidden ticket types, so there is "
                        + "nothing to unlock. On the tickets page, mark a type “Hidden until a promo code unlocks it” "
                        + "first."));
            } else if (form.ticketIds().isEmpty()) {
                problems.add(new InputProblem("tickets", "Choose the hidden ticket types this code unlocks."));
            } else if (!visible.isEmpty()) {
                problems.add(new InputProblem("tickets", "“" + visible.get(0) + "” is not hidden: everyone can buy "
                        + "it already. An unlock code opens hidden ticket types only."));
            }
        }
        if (form.usageLimit() != null && form.usageLimit() < 1) {
            problems.add(new InputProblem("usageLimit", "The limit is at least 1; leave it empty for no limit."));
        } else if (form.usageLimit() != null && form.usageLimit() < used) {
            problems.add(new InputProblem("usageLimit", "Already used " + times(used)
                    + "; the limit cannot be lower."));
        }
        if (form.perOrderLimit() != null && form.perOrderLimit() < 1) {
            problems.add(new InputProblem("perOrderLimit",
                    "At least 1 ticket per order; leave it empty for no limit."));
        }
        if (form.validFrom() != null && form.validUntil() != null && !form.validUntil().isAfter(form.validFrom())) {
            problems.add(new InputProblem("validUntil", "The code must stop being valid after it starts."));
        }
        if (!problems.isEmpty()) {
            throw new TicketingInputException(problems);
        }
        return code;
    }

    private static String times(long n) {
        return n == 1 ? "once" : n + " times";
    }

    /** "percent", "fixed" or "unlock" as the kind; null for anything else. */
    private static PromoCodeKind kind(String kind) {
        for (PromoCodeKind known : PromoCodeKind.values()) {
            if (known.name().equalsIgnoreCase(String.valueOf(kind))) {
                return known;
            }
        }
        return null;
    }

    private static void apply(PromoCode promo, PromoCodeForm form) {
        promo.setPercentOff(promo.getKind() == PromoCodeKind.PERCENT ? form.percentOff() : null);
        promo.setAmountOffMinor(promo.getKind() == PromoCodeKind.FIXED ? form.amountOffMinor() : null);
        if (form.ticketIds().isEmpty()) {
            promo.setAppliesToJson(null);
        } else {
            JsonArrayBuilder ids = Json.createArrayBuilder();
            new LinkedHashSet<>(form.ticketIds()).forEach(id -> ids.add(id.toString()));
            promo.setAppliesToJson(ids.build().toString());
        }
        promo.setUsageLimit(form.usageLimit());
        promo.setPerOrderLimit(form.perOrderLimit());
        promo.setValidFrom(form.validFrom());
        promo.setValidUntil(form.validUntil());
    }

    // ------------------------------------------------------------------------------------------------ reading

    private PromoCodeRow row(PromoCode p, Map<UUID, Ticket> tickets, String currency, Instant now) {
        List<UUID> ids = ticketIds(p.getAppliesToJson());
        List<String> names = tickets.values().stream().filter(t -> ids.contains(t.getId())).map(Ticket::getName)
                .toList();
        String discount = switch (p.getKind()) {
            case PERCENT -> p.getPercentOff() + " % off";
            case FIXED -> Money.format(p.getAmountOffMinor(), currency) + " off";
            case UNLOCK -> "Unlocks hidden tickets";
        };
        PromoCodeRow.State state;
        if (p.getValidUntil() != null && !now.isBefore(p.getValidUntil())) {
            state = PromoCodeRow.State.EXPIRED;
        } else if (p.getUsageLimit() != null && p.getUsedCount() >= p.getUsageLimit()) {
            state = PromoCodeRow.State.USED_UP;
        } else if (p.getValidFrom() != null && now.isBefore(p.getValidFrom())) {
            state = PromoCodeRow.State.SCHEDULED;
        } else {
            state = PromoCodeRow.State.ACTIVE;
        }
        return new PromoCodeRow(p.getId(), p.getCode(), p.getKind().name().toLowerCase(Locale.ROOT),
                p.getPercentOff(), p.getAmountOffMinor(), discount, ids, names, p.getUsedCount(), p.getUsageLimit(),
                p.getPerOrderLimit(), p.getValidFrom(), p.getValidUntil(), state);
    }

    /** The ids of {@code applies_to} (a JSON array of ticket ids; null = every ticket type). */
    static List<UUID> ticketIds(String appliesToJson) {
        if (appliesToJson == null || appliesToJson.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(appliesToJson))) {
            return reader.readArray().getValuesAs(JsonString.class).stream()
                    .map(s -> UUID.fromString(s.getString())).toList();
        }
    }

    /** The event's ticket types in sales order. */
    private Map<UUID, Ticket> tickets(UUID eventId) {
        Map<UUID, Ticket> tickets = new LinkedHashMap<>();
        em.createQuery("select t from Ticket t where t.eventId = :event order by t.sortOrder, t.name", Ticket.class)
                .setParameter("event", eventId).getResultStream().forEach(t -> tickets.put(t.getId(), t));
        return tickets;
    }

    private PromoCode promo(UUID eventId, UUID codeId) {
        PromoCode promo = codeId == null ? null : em.find(PromoCode.class, codeId);
        if (promo == null || !promo.getEventId().equals(eventId)) {
            throw new AccessDeniedException("No such promo code.");
        }
        return promo;
    }

    private static Map<String, Object> describe(PromoCode p) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", p.getCode());
        values.put("kind", p.getKind().name().toLowerCase(Locale.ROOT));
        values.put("percent_off", p.getPercentOff());
        values.put("amount_off_minor", p.getAmountOffMinor());
        values.put("applies_to", ticketIds(p.getAppliesToJson()).stream().map(UUID::toString).toList());
        values.put("usage_limit", p.getUsageLimit());
        values.put("per_order_limit", p.getPerOrderLimit());
        values.put("valid_from", p.getValidFrom() == null ? null : p.getValidFrom().toString());
        values.put("valid_until", p.getValidUntil() == null ? null : p.getValidUntil().toString());
        values.put("used_count", p.getUsedCount());
        return values;
    }
}
