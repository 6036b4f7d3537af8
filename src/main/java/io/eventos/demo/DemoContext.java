package io.eventos.demo;

import io.eventos.account.domain.ActorKind;
import io.eventos.account.domain.AuditEntry;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * What the parts of the demo share while they write one account: the entity manager of the transaction, the
 * moment "now" that every relative time is computed from, the seeded randomness for names and amounts, the
 * secure source of codes, and the rows to backdate at the end.
 */
final class DemoContext {

    final EntityManager em;
    final Instant now;
    /** Names, quantities and times: seeded, so the demo looks the same each time. */
    final Random random = new Random(2026);
    final DemoCodes codes = new DemoCodes();
    final DemoPeople people = new DemoPeople(random);
    final Backdating backdating = new Backdating();

    DemoContext(EntityManager em, Instant now) {
        this.em = em;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Persists {@code entity} and records that its row was created at {@code createdAt}. */
    <T> T persist(T entity, String table, UUID id, Instant createdAt) {
        em.persist(entity);
        backdating.set(table, id, createdAt);
        return entity;
    }

    /** The instant of {@code time} on the day {@code days} from today, both as seen in {@code zone}. */
    Instant at(ZoneId zone, int days, LocalTime time) {
        LocalDate day = LocalDate.ofInstant(now, zone).plusDays(days);
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /**
     * The first day offset from {@code days} on (as seen in {@code zone}) where {@code length} consecutive days all
     * fall on {@code weekdays}: "about 45 days from now, on a Tuesday and Wednesday" rather than on a Sunday.
     */
    int dayOffset(ZoneId zone, int days, int length, Set<DayOfWeek> weekdays) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (int offset = days; ; offset++) {
            boolean fits = true;
            for (int i = 0; i < length; i++) {
                fits &= weekdays.contains(today.plusDays(offset + i).getDayOfWeek());
            }
            if (fits) {
                return offset;
            }
        }
    }

    Instant daysAgo(double days) {
        return now.minusSeconds(Math.round(days * 86_400));
    }

    /** A random instant between {@code from} and {@code to} (exclusive), never in the future. */
    Instant between(Instant from, Instant to) {
        Instant end = to.isAfter(now) ? now.minusSeconds(60) : to;
        long span = Math.max(1, Duration.between(from, end).getSeconds());
        return from.plusSeconds((long) (random.nextDouble() * span));
    }

    /**
     * Like {@link #between(Instant, Instant)}, but at a waking hour in {@code zone} (people rarely buy tickets at
     * 3 am): a night-time pick moves to the morning, or to the evening before when the morning is out of range.
     */
    Instant between(Instant from, Instant to, ZoneId zone) {
        Instant at = between(from, to);
        int hour = at.atZone(zone).getHour();
        if (hour >= 7) {
            return at;
        }
        Instant morning = at.plus(Duration.ofHours(7 - hour + random.nextInt(3)));
        Instant end = to.isAfter(now) ? now.minusSeconds(60) : to;
        if (morning.isBefore(end)) {
            return morning;
        }
        Instant evening = at.minus(Duration.ofHours(hour + 1 + random.nextInt(3)));
        return evening.isAfter(from) ? evening : at;
    }

    /** An audit entry (the one record of a business action) that happened at {@code at}. */
    AuditEntry audit(Instant at, UUID actorUserId, ActorKind kind, String action, String subjectType, UUID subjectId,
                     UUID eventId, JsonObject before, JsonObject after) {
        AuditEntry entry = new AuditEntry(actorUserId, kind, action, subjectType, subjectId);
        entry.setEventId(eventId);
        entry.setBeforeJson(before == null ? null : before.toString());
        entry.setAfterJson(after == null ? null : after.toString());
        return persist(entry, "audit_log", entry.getId(), at);
    }
}
