package io.eventos.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads the benchmark's volume with set-based SQL (generate_series), connected as the schema owner like a
 * migration: 1,000 accounts, each with a venue (two rooms) and 10 published public events (10,000 events), each
 * event with 8 sessions on two tracks, 4 speakers and 3 ticket types; plus 500 more events in the demo account for
 * the organizer's list. Row level security is forced on the tenant tables (also for the owner), so the rows of each
 * account are inserted with that account bound ({@code app.account_id}), one account per loop step.
 */
final class BenchData {

    /** 1,000; {@code -Dbench.accounts=N} for a small run that proves the harness works. */
    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 1_000);
    static final int EVENTS_PER_ACCOUNT = 10;
    static final int DEMO_EVENTS = 500;

    private BenchData() {
    }

    static void load(String url, String owner, String password) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, owner, password); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("""
                    insert into accounts (id, slug, name, contact_email, default_time_zone, status)
                    select gen_random_uuid(), 'bench-' || lpad(n::text, 4, '0'), 'Bench Organizer ' || n,
                           'hello' || n || '@bench.eventos.test',
                           (array['Europe/Berlin','America/New_York','Asia/Tokyo','UTC'])[1 + n %% 4], 'active'
                    from generate_series(1, %d) n""".formatted(ACCOUNTS));
            sql.execute("""
                    do $$
                    declare
                        acc record;
                        venue uuid;
                        room_a uuid;
                        room_b uuid;
                    begin
                        for acc in select id, default_time_zone as zone, slug from accounts
                                   where slug like 'bench-%%' order by slug loop
                            perform set_config('app.account_id', acc.id::text, true);
                            venue := gen_random_uuid(); room_a := gen_random_uuid(); room_b := gen_random_uuid();
                            insert into venues (id, account_id, name, address_line1, city, postal_code, country,
                                                time_zone, map_url)
                            values (venue, acc.id, 'Hall of ' || acc.slug, 'Main Street 1', 'Springfield', '12345',
                                    'DE', acc.zone, 'https://www.openstreetmap.org/?mlat=52.5&mlon=13.4');
                            insert into venue_rooms (id, account_id, venue_id, name)
                            values (room_a, acc.id, venue, 'Room A'), (room_b, acc.id, venue, 'Room B');
                            insert into events (id, account_id, venue_id, slug, name, summary, description_html,
                                                description_text, starts_at, ends_at, time_zone, status, visibility,
                                                currency, organizer_email, published_at)
                            select gen_random_uuid(), acc.id, venue, 'event-' || e, 'Bench event ' || e || ' of ' || acc.slug,
                                   'A day of talks and workshops, number ' || e || '.',
                                   '<h2>About</h2><p>' || repeat('Talks, workshops and coffee. ', 20) || '</p>',
                                   repeat('Talks, workshops and coffee. ', 20),
                                   date_trunc('day', now()) + (30 + e * 7) * interval '1 day' + interval '9 hours',
                                   date_trunc('day', now()) + (30 + e * 7) * interval '1 day' + interval '17 hours',
                                   acc.zone, 'published', 'public', 'EUR', 'events@bench.eventos.test', now()
                            from generate_series(1, %d) e;
                            insert into speakers (id, account_id, event_id, name, company, sort_order)
                            select gen_random_uuid(), acc.id, ev.id, 'Speaker ' || s, 'Company ' || s, s
                            from events ev, generate_series(1, 4) s where ev.account_id = acc.id;
                            insert into sessions (id, account_id, event_id, title, description, kind, track, room_id,
                                                  starts_at, ends_at)
                            select gen_random_uuid(), acc.id, ev.id, 'Session ' || s, 'What session ' || s || ' is about.',
                                   case when s = 1 then 'keynote' else 'talk' end,
                                   case when s = 1 then null when s %% 2 = 0 then 'Product' else 'Engineering' end,
                                   case when s %% 2 = 0 then room_a else room_b end,
                                   ev.starts_at + (s / 2) * interval '1 hour',
                                   ev.starts_at + (s / 2) * interval '1 hour' + interval '45 minutes'
                            from events ev, generate_series(1, 8) s where ev.account_id = acc.id;
                            insert into session_speakers (id, account_id, session_id, speaker_id)
                            select gen_random_uuid(), acc.id, se.id, sp.id
                            from sessions se join speakers sp on sp.event_id = se.event_id
                                 and sp.sort_order = 1 + (substring(se.title from 9)::int %% 4)
                            where se.account_id = acc.id;
                            insert into tickets (id, account_id, event_id, name, price_minor, currency, quantity,
                                                 sales_start, sales_end, sort_order)
                            select gen_random_uuid(), acc.id, ev.id, t.name, t.price, 'EUR', t.quantity,
                                   now() - interval '10 days', ev.starts_at, t.sort
                            from events ev, (values ('Early bird', 4900, 50, 1), ('Regular', 9900, 400, 2),
                                                    ('Supporter', 19900, null, 3)) t(name, price, quantity, sort)
                            where ev.account_id = acc.id;
                        end loop;
                    end $$""".formatted(EVENTS_PER_ACCOUNT));
            sql.execute("""
                    do $$
                    declare
                        demo uuid := (select id from accounts where slug = 'demo');
                    begin
                        perform set_config('app.account_id', demo::text, true);
                        insert into events (id, account_id, slug, name, summary, starts_at, ends_at, time_zone,
                                            status, visibility, currency, published_at)
                        select gen_random_uuid(), demo, 'bench-' || e, 'Bench meetup ' || e, 'Meetup number ' || e,
                               now() + e * interval '1 day', now() + e * interval '1 day' + interval '2 hours',
                               'Europe/Berlin', (array['published','draft','completed'])[1 + e %% 3], 'public',
                               'EUR', now()
                        from generate_series(1, %d) e;
                    end $$""".formatted(DEMO_EVENTS));
            db.commit();
            sql.execute("analyze");
        }
    }
}
