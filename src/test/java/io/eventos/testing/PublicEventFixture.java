package io.eventos.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events of the demo account written straight into the test database (as the superuser), for the public page tests:
 * any zone, status, visibility, agenda and ticket types, with a unique slug each time. Written with SQL, so the
 * public page cache is not told: each fixture is a new event (a new cache key).
 */
public final class PublicEventFixture {

    /** A session to add: local start/end in the event's zone; track, kind and speakers optional. */
    public record SessionSpec(String title, LocalDateTime start, LocalDateTime end, String track, String kind,
                       List<String> speakers) {
    }

    /** What was written. */
    public record Created(UUID id, String slug, Map<String, UUID> sessionIds) {
    }

    private final String slug;
    private String name;
    private ZoneId zone = ZoneId.of("America/New_York");
    private LocalDateTime start = LocalDateTime.of(2031, 7, 10, 19, 0);
    private LocalDateTime end = LocalDateTime.of(2031, 7, 10, 22, 30);
    private String status = "published";
    private String visibility = "public";
    private String summary = "An evening of tests.";
    private String descriptionHtml = "<p>Described.</p>";
    private String cancelReason;
    private String format = "in_person";
    private boolean venue = true;
    private String organizerEmail = "fixture@demo.eventos.test";
    private final List<SessionSpec> sessions = new ArrayList<>();
    private final List<Object[]> tickets = new ArrayList<>();

    private PublicEventFixture(String slugPrefix) {
        this.slug = slugPrefix + "-" + Long.toString(System.nanoTime(), 36);
        this.name = "Fixture " + slug;
    }

    public static PublicEventFixture event(String slugPrefix) {
        return new PublicEventFixture(slugPrefix);
    }

    public PublicEventFixture name(String name) {
        this.name = name;
        return this;
    }

    public PublicEventFixture at(ZoneId zone, LocalDateTime start, LocalDateTime end) {
        this.zone = zone;
        this.start = start;
        this.end = end;
        return this;
    }

    public PublicEventFixture status(String status) {
        this.status = status;
        return this;
    }

    public PublicEventFixture visibility(String visibility) {
        this.visibility = visibility;
        return this;
    }

    public PublicEventFixture summary(String summary) {
        this.summary = summary;
        return this;
    }

    public PublicEventFixture description(String html) {
        this.descriptionHtml = html;
        return this;
    }

    public PublicEventFixture cancelled(String reason) {
        this.status = "cancelled";
        this.cancelReason = reason;
        return this;
    }

    public PublicEventFixture online() {
        this.format = "online";
        this.venue = false;
        return this;
    }

    public PublicEventFixture session(String title, LocalDateTime start, LocalDateTime end, String track, String kind,
                                      String... speakers) {
        sessions.add(new SessionSpec(title, start, end, track, kind, List.of(speakers)));
        return this;
    }

    /** A visible ticket type on sale now; {@code quantity} null for unlimited. */
    public PublicEventFixture ticket(String name, long priceMinor, Integer quantity) {
        tickets.add(new Object[]{name, priceMinor, quantity});
        return this;
    }

    static UUID demoAccount() {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement q = db.prepareStatement("select id from accounts where slug = 'demo'");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Created create() {
        UUID account = demoAccount();
        UUID eventId = UUID.randomUUID();
        Map<String, UUID> sessionIds = new LinkedHashMap<>();
        try (Connection db = TestDatabase.get().superuserConnection("eventos")) {
            db.setAutoCommit(false);
            UUID venueId = null;
            UUID roomId = null;
            if (venue) {
                venueId = UUID.randomUUID();
                roomId = UUID.randomUUID();
                update(db, """
                        insert into venues (id, account_id, name, address_line1, city, region, postal_code, country,
                                            time_zone, map_url, accessibility_notes)
                        values (?, ?, 'Fixture Pier', 'Pier 84, 555 12th Avenue', 'New York', 'NY', '10036', 'US',
                                ?, 'https://www.openstreetmap.org/?mlat=40.76336&mlon=-73.9997', 'Step-free access')""",
                        venueId, account, zone.getId());
                update(db, "insert into venue_rooms (id, account_id, venue_id, name) values (?, ?, ?, 'Main Deck')",
                        roomId, account, venueId);
            }
            update(db, """
                    insert into events (id, account_id, venue_id, slug, name, summary, description_html, starts_at,
                                        ends_at, time_zone, format, visibility, status, cancel_reason, currency,
                                        organizer_email, published_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, now())""",
                    eventId, account, venueId, slug, name, summary, descriptionHtml, ts(start), ts(end), zone.getId(),
                    format, visibility, status, cancelReason, organizerEmail);
            Map<String, UUID> speakers = new LinkedHashMap<>();
            int order = 0;
            for (SessionSpec spec : sessions) {
                UUID sessionId = UUID.randomUUID();
                sessionIds.put(spec.title(), sessionId);
                update(db, """
                        insert into sessions (id, account_id, event_id, title, description, kind, track, room_id,
                                              starts_at, ends_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        sessionId, account, eventId, spec.title(), "About " + spec.title(),
                        spec.kind() == null ? "talk" : spec.kind(), spec.track(), roomId, ts(spec.start()),
                        ts(spec.end()));
                for (String speaker : spec.speakers()) {
                    UUID speakerId = speakers.get(speaker);
                    if (speakerId == null) {
                        speakerId = UUID.randomUUID();
                        speakers.put(speaker, speakerId);
                        update(db, """
                                insert into speakers (id, account_id, event_id, name, company, sort_order)
                                values (?, ?, ?, ?, 'Fixture Co', ?)""", speakerId, account, eventId, speaker,
                                order++);
                    }
                    update(db, """
                            insert into session_speakers (id, account_id, session_id, speaker_id)
                            values (?, ?, ?, ?)""", UUID.randomUUID(), account, sessionId, speakerId);
                }
            }
            int sort = 0;
            for (Object[] ticket : tickets) {
                update(db, """
                        insert into tickets (id, account_id, event_id, name, price_minor, currency, quantity,
                                             sales_start, sales_end, sort_order)
                        values (?, ?, ?, ?, ?, 'USD', ?, now() - interval '1 day', ?, ?)""",
                        UUID.randomUUID(), account, eventId, ticket[0], ticket[1], ticket[2], ts(start), sort++);
            }
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Created(eventId, slug, sessionIds);
    }

    private Timestamp ts(LocalDateTime local) {
        return Timestamp.from(local.atZone(zone).toInstant());
    }

    static Instant instant(LocalDateTime local, ZoneId zone) {
        return local.atZone(zone).toInstant();
    }

    private static void update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
