package io.eventos.demo;

import io.eventos.account.domain.ActorKind;
import io.eventos.event.domain.Event;
import io.eventos.event.domain.EventFormat;
import io.eventos.event.domain.EventStatus;
import io.eventos.event.domain.EventVisibility;
import io.eventos.event.domain.Session;
import io.eventos.event.domain.SessionKind;
import io.eventos.event.domain.SessionSpeaker;
import io.eventos.event.domain.Speaker;
import io.eventos.event.domain.Venue;
import io.eventos.event.domain.VenueRoom;
import io.eventos.platform.text.SafeHtml;
import io.eventos.ticketing.domain.PromoCode;
import io.eventos.ticketing.domain.PromoCodeKind;
import io.eventos.ticketing.domain.Ticket;
import io.eventos.ticketing.domain.TicketVisibility;
import io.eventos.platform.text.Json;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The demo organizer's venues, events, agendas, speakers, ticket types and promo codes. Every time is computed
 * from "now" in the event's own time zone, at the local hours a real organizer would choose.
 */
final class DemoCatalog {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final Set<DayOfWeek> WORKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> MIDWEEK = Set.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    private static final Set<DayOfWeek> WEEKEND_EVENINGS = Set.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY,
            DayOfWeek.SATURDAY);

    private final DemoContext ctx;
    private final UUID ownerId;
    private final Map<String, VenueRoom> rooms = new HashMap<>();
    private final List<Event> events = new ArrayList<>();

    Venue kulturbrauerei;
    Venue riverside;
    Venue harbourHouse;

    Event summit;
    Event jazz;
    Event workshop;
    Event breakfast;
    Event gala;
    Event meetup;

    Ticket earlyBird;
    Ticket regular;
    Ticket vip;
    Ticket student;
    Ticket generalAdmission;
    Ticket tableForFour;
    Ticket seat;
    Ticket galaDinner;
    Ticket communityTicket;
    Ticket supporterTicket;

    PromoCode studentCode;
    PromoCode nordic10;

    /** When the gala was called off (its orders were refunded then). */
    Instant galaCancelledAt;

    DemoCatalog(DemoContext ctx, UUID ownerId) {
        this.ctx = ctx;
        this.ownerId = ownerId;
    }

    List<Event> events() {
        return events;
    }

    void create() {
        createVenues();
        createSummit();
        createJazz();
        createWorkshop();
        createBreakfast();
        createGala();
        createMeetup();
    }

    // ----------------------------------------------------------------------------------------------- venues

    private void createVenues() {
        Instant setUp = ctx.daysAgo(148);
        kulturbrauerei = venue("Kulturbrauerei", BERLIN, "Schönhauser Allee 36", "Entrance Sredzkistraße 1",
                "Berlin", null, "10435", "DE", "52.538720", "13.413260", 980,
                "Step-free entrance from Sredzkistraße; lifts to every floor; accessible toilets on the ground floor; "
                        + "induction loop in the Main Hall. Assistance dogs welcome.", setUp);
        room(kulturbrauerei, "Main Hall", 800, setUp);
        room(kulturbrauerei, "Loft", 120, setUp);
        room(kulturbrauerei, "Studio", 60, setUp);

        riverside = venue("Riverside Pavilion", NEW_YORK, "Pier 84, 555 12th Avenue", null, "New York", "NY",
                "10036", "US", "40.763360", "-73.999700", 420,
                "Ramp access from the Hudson River Greenway; the River Terrace is on the same level as the Main "
                        + "Deck; accessible restrooms next to the bar.", setUp);
        room(riverside, "Main Deck", 300, setUp);
        room(riverside, "River Terrace", 120, setUp);

        harbourHouse = venue("Harbour House", BERLIN, "Große Elbstraße 145", null, "Hamburg", null, "22767", "DE",
                "53.545030", "9.943310", 240,
                "Lift to the first-floor Elbe Room; step-free access from the harbour promenade; quiet room on "
                        + "request.", setUp);
        room(harbourHouse, "Elbe Room", 200, setUp);
        room(harbourHouse, "Captain's Lounge", 40, setUp);
    }

    private Venue venue(String name, ZoneId zone, String line1, String line2, String city, String region,
                        String postalCode, String country, String latitude, String longitude, int capacity,
                        String accessibility, Instant createdAt) {
        Venue venue = new Venue(name, zone.getId());
        venue.setAddressLine1(line1);
        venue.setAddressLine2(line2);
        venue.setCity(city);
        venue.setRegion(region);
        venue.setPostalCode(postalCode);
        venue.setCountry(country);
        venue.setLatitude(new BigDecimal(latitude));
        venue.setLongitude(new BigDecimal(longitude));
        venue.setCapacity(capacity);
        venue.setAccessibilityNotes(accessibility);
        venue.setMapUrl("https://www.openstreetmap.org/?mlat=" + latitude + "&mlon=" + longitude + "#map=18/"
                + latitude + "/" + longitude);
        return ctx.persist(venue, "venues", venue.getId(), createdAt);
    }

    private void room(Venue venue, String name, int capacity, Instant createdAt) {
        VenueRoom room = new VenueRoom(venue, name);
        room.setCapacity(capacity);
        rooms.put(venue.getName() + "/" + name, ctx.persist(room, "venue_rooms", room.getId(), createdAt));
    }

    // ----------------------------------------------------------------------------------------------- events

    private void createSummit() {
        Instant publishedAt = ctx.at(BERLIN, -60, LocalTime.of(10, 0));
        int day1 = ctx.dayOffset(BERLIN, 45, 2, MIDWEEK);
        int day2 = day1 + 1;
        summit = event("product-summit", "Nordic Product Summit", kulturbrauerei, BERLIN, "EUR",
                ctx.at(BERLIN, day1, LocalTime.of(9, 0)), ctx.at(BERLIN, day2, LocalTime.of(17, 30)), 900,
                "Two days of talks and workshops for product managers, designers and engineers, in the heart "
                        + "of Prenzlauer Berg.",
                """
                <h2>Two days for people who build products</h2>
                <p>The Nordic Product Summit brings product managers, designers and engineers from across Europe \
                to Berlin's Kulturbrauerei. No sales pitches: practitioners show what worked for them, what did \
                not, and what they would do differently.</p>
                <ul>
                <li>Two tracks, <strong>Product</strong> and <strong>Engineering</strong>, with keynotes for everyone</li>
                <li>Hands-on workshops on pricing experiments, inclusive research and row level security</li>
                <li>Lunch, coffee and snacks on both days; vegetarian and vegan by default</li>
                </ul>
                <h2>Getting there</h2>
                <p>The Kulturbrauerei is a five-minute walk from U-Bahn Eberswalder Straße (U2) and the M1, M10 and \
                12 trams. See the <a href="https://www.openstreetmap.org/?mlat=52.538720&amp;mlon=13.413260#map=18/52.538720/13.413260">map</a>.</p>
                <p>Questions about tickets, invoices or accessibility? Write to \
                <a href="mailto:summit@demo.eventos.test">summit@demo.eventos.test</a>.</p>
                """,
                publishedAt, EventStatus.PUBLISHED, EventVisibility.PUBLIC);
        summit.setOrganizerEmail("summit@demo.eventos.test");

        Map<String, Speaker> speakers = new HashMap<>();
        speakers.put("ingrid", speaker(summit, 1, "Ingrid Solberg", "Fjordline Software", "VP Product",
                "Ingrid has led product teams in Oslo and Berlin for fifteen years, most recently taking Fjordline's "
                        + "booking platform from one country to twelve. She writes about retention and the quiet "
                        + "work that makes products stick.", publishedAt));
        speakers.put("amara", speaker(summit, 2, "Amara Okafor", "Tidewater Labs", "Head of Product Discovery",
                "Amara runs discovery for a team of three that ships to two million users. Before Tidewater she was "
                        + "a UX researcher in Lagos and London.", publishedAt));
        speakers.put("kenji", speaker(summit, 3, "Kenji Watanabe", "Kumo Systems", "Staff Engineer",
                "Kenji builds deployment pipelines and multi-tenant platforms. He has deployed to production more "
                        + "than ten thousand times and broken it only a few of those.", publishedAt));
        speakers.put("lucia", speaker(summit, 4, "Lucía Fernández", "Mercado Norte", "Head of Pricing",
                "Lucía has run more than 200 pricing experiments on marketplaces in Spain and Latin America. She "
                        + "believes most pricing pages are guesses and shows how to make them less so.", publishedAt));
        speakers.put("tomasz", speaker(summit, 5, "Tomasz Nowak", "Baltic Cloud", "Principal SRE",
                "Tomasz keeps databases boring at Baltic Cloud. He speaks about observability, PostgreSQL and the "
                        + "incident reviews nobody wants to write.", publishedAt));
        speakers.put("priya", speaker(summit, 6, "Priya Raman", "Openlane", "Accessibility Lead",
                "Priya leads accessibility at Openlane and co-wrote its open-source design system. She trains "
                        + "product teams to test with assistive technology from the first sketch.", publishedAt));

        String hall = "Kulturbrauerei/Main Hall";
        String loft = "Kulturbrauerei/Loft";
        String studio = "Kulturbrauerei/Studio";
        // day 1
        session(summit, day1, "09:00", "09:45", SessionKind.KEYNOTE, null, hall,
                "Opening keynote: Products people come back to",
                "Why retention beats acquisition, and the five habits of teams whose users return every week.",
                publishedAt, speakers.get("ingrid"));
        session(summit, day1, "10:00", "10:45", SessionKind.TALK, "Product", loft,
                "Continuous discovery on a team of three",
                "Weekly customer interviews without a research department: the schedule, the templates and the "
                        + "mistakes.", publishedAt, speakers.get("amara"));
        session(summit, day1, "10:00", "10:45", SessionKind.TALK, "Engineering", studio, "Shipping daily without fear",
                "Trunk-based development, small pull requests and the safety nets that let a team deploy before "
                        + "lunch on a Friday.", publishedAt, speakers.get("kenji"));
        session(summit, day1, "10:45", "11:15", SessionKind.BREAK, null, hall, "Coffee break", null, publishedAt);
        session(summit, day1, "11:15", "12:30", SessionKind.WORKSHOP, "Product", loft,
                "Pricing experiments that worked (and two that didn't)",
                "Bring your pricing page: in small groups we design an experiment you can run next week.",
                publishedAt, speakers.get("lucia"));
        session(summit, day1, "11:15", "12:00", SessionKind.TALK, "Engineering", studio,
                "Observability your product manager will read",
                "Dashboards that answer product questions, not just CPU graphs.", publishedAt, speakers.get("tomasz"));
        session(summit, day1, "12:30", "13:30", SessionKind.BREAK, null, hall, "Lunch", null, publishedAt);
        session(summit, day1, "13:30", "14:15", SessionKind.TALK, "Product", loft, "Roadmaps without dates",
                "A conversation about outcome roadmaps, sales teams who want dates, and the compromise that works.",
                publishedAt, speakers.get("amara"), speakers.get("ingrid"));
        session(summit, day1, "13:30", "15:00", SessionKind.WORKSHOP, "Engineering", studio,
                "Row level security in practice",
                "Multi-tenant PostgreSQL with policies, forced RLS and a connection pool that never leaks a tenant. "
                        + "Laptops required.", publishedAt, speakers.get("kenji"), speakers.get("tomasz"));
        // day 2
        session(summit, day2, "09:30", "10:15", SessionKind.TALK, "Product", loft,
                "Accessibility is a product decision",
                "Who decides, who pays and who notices: making accessibility part of the definition of done.",
                publishedAt, speakers.get("priya"));
        session(summit, day2, "09:30", "10:15", SessionKind.TALK, "Engineering", studio, "Event-driven without regret",
                "Outboxes, idempotent consumers and the day we replayed a week of events.", publishedAt,
                speakers.get("tomasz"));
        session(summit, day2, "10:30", "12:00", SessionKind.WORKSHOP, "Product", loft, "Inclusive research, hands-on",
                "Run a usability test with a screen reader user and learn what your analytics never showed you.",
                publishedAt, speakers.get("priya"));
        session(summit, day2, "12:00", "13:00", SessionKind.BREAK, null, hall, "Lunch", null, publishedAt);
        session(summit, day2, "13:00", "16:30", SessionKind.OTHER, null, hall, "Open space: bring your problem",
                "Pitch a topic on the board, join a circle, leave when you have learned enough.", publishedAt);
        session(summit, day2, "16:45", "17:30", SessionKind.KEYNOTE, null, hall,
                "Closing keynote: What 1,000 launches taught us",
                "Patterns from a thousand product launches, including the ones nobody talks about.", publishedAt,
                speakers.get("lucia"));

        Instant summitStart = summit.getStartsAt();
        earlyBird = ticket(summit, 1, "Early bird", "Both days at the best price, for the first hundred.", 14900, 100,
                publishedAt, ctx.at(BERLIN, -5, LocalTime.of(23, 59)), 1, 4, TicketVisibility.VISIBLE, publishedAt);
        regular = ticket(summit, 2, "Regular", "Both days, lunch and coffee included.", 24900, 600, publishedAt,
                summitStart, 1, 10, TicketVisibility.VISIBLE, publishedAt);
        vip = ticket(summit, 3, "VIP", "Reserved front-row seats, the speakers' dinner on day one and a signed copy "
                + "of the summit book.", 49900, 50, publishedAt, summitStart, 1, 4, TicketVisibility.VISIBLE,
                publishedAt);
        student = ticket(summit, 4, "Student", "For students with a valid student ID; unlocked by the code your "
                + "university received.", 7900, 80, publishedAt, summitStart, 1, 1, TicketVisibility.HIDDEN,
                publishedAt);

        studentCode = new PromoCode(summit.getId(), "STUDENT27", PromoCodeKind.UNLOCK);
        studentCode.setAppliesToJson(Json.createArrayBuilder().add(student.getId().toString()).build().toString());
        studentCode.setPerOrderLimit(1);
        studentCode.setValidFrom(publishedAt);
        studentCode.setValidUntil(summitStart);
        ctx.persist(studentCode, "promo_codes", studentCode.getId(), publishedAt);

        nordic10 = new PromoCode(summit.getId(), "NORDIC10", PromoCodeKind.PERCENT);
        nordic10.setPercentOff(10);
        nordic10.setUsageLimit(100);
        nordic10.setAppliesToJson(Json.createArrayBuilder().add(regular.getId().toString())
                .add(vip.getId().toString()).build().toString());
        nordic10.setValidFrom(publishedAt);
        nordic10.setValidUntil(summitStart);
        ctx.persist(nordic10, "promo_codes", nordic10.getId(), publishedAt);
    }

    private void createJazz() {
        Instant publishedAt = ctx.at(NEW_YORK, -35, LocalTime.of(11, 0));
        int day = ctx.dayOffset(NEW_YORK, 20, 1, WEEKEND_EVENINGS);
        jazz = event("jazz-on-the-river", "Jazz on the River", riverside, NEW_YORK, "USD",
                ctx.at(NEW_YORK, day, LocalTime.of(19, 0)), ctx.at(NEW_YORK, day, LocalTime.of(23, 0)), 330,
                "Three sets of live jazz on the Hudson, with the Manhattan skyline lit up behind the band.",
                """
                <h2>An evening on the water</h2>
                <p>Northwind Events brings its evening series to New York: three sets of live jazz in the heated \
                pavilion on Pier 84, with the lights of the skyline behind the band and the river in front of you.</p>
                <ul>
                <li>Doors open at 7 pm; the first set starts at 7:30 pm</li>
                <li>Bar with cocktails, local beer and alcohol-free drinks; food trucks on the pier</li>
                <li>Tables for four can be reserved; general admission is standing and lounge seating</li>
                </ul>
                <p>The pavilion is at Pier 84, a short walk from the M50 bus. See the \
                <a href="https://www.openstreetmap.org/?mlat=40.763360&amp;mlon=-73.999700#map=18/40.763360/-73.999700">map</a>.</p>
                """,
                publishedAt, EventStatus.PUBLISHED, EventVisibility.PUBLIC);
        jazz.setOrganizerEmail("hello@demo.eventos.test");
        String deck = "Riverside Pavilion/Main Deck";
        session(jazz, day, "19:30", "20:15", SessionKind.OTHER, null, deck, "First set: The Hudson Street Trio",
                "Standards and bossa nova from the trio that plays the West Village every Thursday.", publishedAt);
        session(jazz, day, "20:45", "21:30", SessionKind.OTHER, null, deck, "Second set: Marisol Vega Quartet",
                "Latin jazz with Marisol Vega on vocals and Tomás Ruiz on trumpet.", publishedAt);
        session(jazz, day, "22:00", "22:45", SessionKind.OTHER, null, "Riverside Pavilion/River Terrace",
                "Late set: open jam on the terrace", "Bring your instrument; the house band keeps time.",
                publishedAt);
        generalAdmission = ticket(jazz, 1, "General admission", "Standing and lounge seating on the main deck.",
                4500, 250, publishedAt, jazz.getStartsAt(), 1, 8, TicketVisibility.VISIBLE, publishedAt);
        tableForFour = ticket(jazz, 2, "Table for four", "A reserved riverside table for four guests, with a bottle "
                + "of wine or a pitcher of lemonade.", 22000, 20, publishedAt, jazz.getStartsAt(), 1, 2,
                TicketVisibility.VISIBLE, publishedAt);
    }

    private void createWorkshop() {
        Instant publishedAt = ctx.at(BERLIN, -14, LocalTime.of(9, 30));
        int day = ctx.dayOffset(BERLIN, 10, 1, MIDWEEK);
        workshop = event("data-workshop", "Hands-on Data Workshop", null, BERLIN, "EUR",
                ctx.at(BERLIN, day, LocalTime.of(14, 0)), ctx.at(BERLIN, day, LocalTime.of(17, 0)), 40,
                "Three hours of SQL and dashboards on a real data set, online and in a small group.",
                """
                <h2>Learn by doing</h2>
                <p>A small online workshop for people who want to answer their own questions with data. We clean a \
                real (anonymised) ticket-sales data set with SQL and turn it into a dashboard.</p>
                <ul>
                <li>40 seats, so everyone gets help</li>
                <li>You need a laptop and a browser; nothing to install</li>
                <li>The video link is in your confirmation e-mail and on your order page</li>
                </ul>
                <p>This page is shared by invitation only. Questions: \
                <a href="mailto:hello@demo.eventos.test">hello@demo.eventos.test</a>.</p>
                """,
                publishedAt, EventStatus.PUBLISHED, EventVisibility.UNLISTED);
        workshop.setFormat(EventFormat.ONLINE);
        workshop.setOnlineUrl("https://meet.demo.eventos.test/northwind-data-workshop");
        workshop.setOrganizerEmail("hello@demo.eventos.test");
        session(workshop, day, "14:00", "14:20", SessionKind.OTHER, null, null, "Welcome and setup check", null,
                publishedAt);
        session(workshop, day, "14:20", "15:30", SessionKind.WORKSHOP, null, null, "Cleaning real data with SQL",
                "Joins, window functions and the three mistakes everyone makes with time zones.", publishedAt);
        session(workshop, day, "15:30", "15:45", SessionKind.BREAK, null, null, "Break", null, publishedAt);
        session(workshop, day, "15:45", "17:00", SessionKind.WORKSHOP, null, null, "From query to dashboard",
                "Turn your queries into a dashboard your team will actually open.", publishedAt);
        seat = ticket(workshop, 1, "Seat", "Free; one seat in the online workshop.", 0, 40, publishedAt,
                workshop.getStartsAt(), 1, 2, TicketVisibility.VISIBLE, publishedAt);
    }

    private void createBreakfast() {
        Instant createdAt = ctx.daysAgo(3);
        int day = ctx.dayOffset(BERLIN, 60, 1, WORKDAYS);
        breakfast = event("founders-breakfast", "Founders Breakfast", harbourHouse, BERLIN, "EUR",
                ctx.at(BERLIN, day, LocalTime.of(8, 0)), ctx.at(BERLIN, day, LocalTime.of(10, 30)), 40,
                "Coffee, rolls and honest conversation for founders in Hamburg.",
                """
                <h2>Breakfast with founders</h2>
                <p>A small breakfast for founders at the Harbour House: one short talk, then tables by topic. \
                Speaker to be confirmed.</p>
                """,
                createdAt, EventStatus.DRAFT, EventVisibility.PUBLIC);
        ticket(breakfast, 1, "Breakfast seat", "Breakfast and coffee included.", 3500, 40, null,
                breakfast.getStartsAt(), 1, 2, TicketVisibility.VISIBLE, createdAt);
    }

    private void createGala() {
        Instant publishedAt = ctx.at(BERLIN, -45, LocalTime.of(10, 0));
        galaCancelledAt = ctx.at(BERLIN, -7, LocalTime.of(16, 20));
        int day = ctx.dayOffset(BERLIN, 30, 1, WEEKEND_EVENINGS);
        gala = event("autumn-gala", "Autumn Gala", harbourHouse, BERLIN, "EUR",
                ctx.at(BERLIN, day, LocalTime.of(19, 0)), ctx.at(BERLIN, day, LocalTime.of(23, 30)), 180,
                "A four-course dinner with a view of the harbour, in support of Hamburg's youth music schools.",
                """
                <h2>An evening for the music schools</h2>
                <p>Our annual gala at the Harbour House: a four-course dinner, a string quartet from the \
                Hamburg youth music school, and a charity auction.</p>
                <ul>
                <li>Reception from 7 pm, dinner at 8 pm</li>
                <li>Dress code: festive</li>
                </ul>
                """,
                publishedAt, EventStatus.CANCELLED, EventVisibility.PUBLIC);
        gala.setCancelReason("The venue is closed for repairs; all orders have been refunded.");
        gala.setOrganizerEmail("hello@demo.eventos.test");
        galaDinner = ticket(gala, 1, "Gala dinner", "Reception, four-course dinner and drinks.", 12000, 180,
                publishedAt, gala.getStartsAt(), 1, 6, TicketVisibility.VISIBLE, publishedAt);
        galaDinner.setPaused(true);
        ctx.audit(galaCancelledAt, ownerId, ActorKind.USER, "event.cancelled", "event", gala.getId(), gala.getId(),
                Json.createObjectBuilder().add("status", "published").build(),
                Json.createObjectBuilder().add("status", "cancelled").add("cancel_reason", gala.getCancelReason())
                        .build());
    }

    private void createMeetup() {
        Instant publishedAt = ctx.at(BERLIN, -140, LocalTime.of(12, 0));
        int day = ctx.dayOffset(BERLIN, -90, 1, MIDWEEK);
        meetup = event("spring-meetup", "Spring Community Meetup", kulturbrauerei, BERLIN, "EUR",
                ctx.at(BERLIN, day, LocalTime.of(18, 30)), ctx.at(BERLIN, day, LocalTime.of(21, 30)), 120,
                "Our quarterly meetup: a community update, lightning talks and pretzels.",
                """
                <h2>Meet the community</h2>
                <p>Every quarter we meet at the Kulturbrauerei to share what we are working on. Short talks, long \
                conversations.</p>
                <ul>
                <li>Community update from the Northwind team</li>
                <li>Five lightning talks of five minutes each</li>
                <li>Pretzels, drinks and networking</li>
                </ul>
                """,
                publishedAt, EventStatus.COMPLETED, EventVisibility.PUBLIC);
        meetup.setOrganizerEmail("hello@demo.eventos.test");
        String loft = "Kulturbrauerei/Loft";
        session(meetup, day, "18:30", "19:00", SessionKind.OTHER, null, loft, "Doors open", null, publishedAt);
        session(meetup, day, "19:00", "19:30", SessionKind.TALK, null, loft, "Community update",
                "What happened since winter, and what is coming.", publishedAt);
        session(meetup, day, "19:30", "20:15", SessionKind.TALK, null, loft, "Lightning talks",
                "Five talks, five minutes each.", publishedAt);
        session(meetup, day, "20:15", "21:30", SessionKind.OTHER, null, loft, "Networking", null, publishedAt);
        communityTicket = ticket(meetup, 1, "Community ticket", "Entry, pretzels and one drink.", 1000, 100,
                publishedAt, meetup.getStartsAt(), 1, 4, TicketVisibility.VISIBLE, publishedAt);
        supporterTicket = ticket(meetup, 2, "Supporter ticket", "Pay a little more to keep the meetup free for "
                + "students.", 3000, 20, publishedAt, meetup.getStartsAt(), 1, 2, TicketVisibility.VISIBLE,
                publishedAt);
        ctx.audit(meetup.getEndsAt().plusSeconds(3600), null, ActorKind.SYSTEM, "event.completed", "event",
                meetup.getId(), meetup.getId(), Json.createObjectBuilder().add("status", "published").build(),
                Json.createObjectBuilder().add("status", "completed").build());
    }

    /** An event; a published (or since cancelled or completed) one gets its publication in the audit log. */
    private Event event(String slug, String name, Venue venue, ZoneId zone, String currency, Instant startsAt,
                        Instant endsAt, int capacity, String summary, String descriptionHtml, Instant publishedAt,
                        EventStatus status, EventVisibility visibility) {
        Event event = new Event(slug, name, startsAt, endsAt, zone.getId(), currency);
        event.setVenue(venue);
        event.setCapacity(capacity);
        event.setSummary(summary);
        event.setDescriptionHtml(descriptionHtml.strip());
        event.setDescriptionText(SafeHtml.toText(descriptionHtml));
        event.setStatus(status);
        event.setVisibility(visibility);
        event.setCreatedBy(ownerId);
        Instant createdAt = status == EventStatus.DRAFT ? publishedAt : publishedAt.minusSeconds(4 * 86_400 + 3_700);
        ctx.persist(event, "events", event.getId(), createdAt);
        if (status != EventStatus.DRAFT) {
            event.setPublishedAt(publishedAt);
            ctx.audit(publishedAt, ownerId, ActorKind.USER, "event.published", "event", event.getId(), event.getId(),
                    Json.createObjectBuilder().add("status", "draft").build(),
                    Json.createObjectBuilder().add("status", "published").add("slug", slug)
                            .add("visibility", visibility.name().toLowerCase(Locale.ROOT)).build());
        }
        events.add(event);
        return event;
    }

    private Speaker speaker(Event event, int sortOrder, String name, String company, String jobTitle, String bio,
                            Instant createdAt) {
        Speaker speaker = new Speaker(event, name);
        speaker.setCompany(company);
        speaker.setJobTitle(jobTitle);
        speaker.setBio(bio);
        speaker.setSortOrder(sortOrder);
        return ctx.persist(speaker, "speakers", speaker.getId(), createdAt);
    }

    private void session(Event event, int day, String from, String to, SessionKind kind, String track, String room,
                         String title, String description, Instant createdAt, Speaker... speakers) {
        ZoneId zone = ZoneId.of(event.getTimeZone());
        Session session = new Session(event, title, ctx.at(zone, day, LocalTime.parse(from)),
                ctx.at(zone, day, LocalTime.parse(to)));
        session.setKind(kind);
        session.setTrack(track);
        session.setDescription(description);
        if (room != null) {
            session.setRoom(rooms.get(room));
            if (session.getRoom() == null) {
                throw new IllegalStateException("No demo room " + room);
            }
        }
        ctx.persist(session, "sessions", session.getId(), createdAt);
        for (Speaker speaker : speakers) {
            SessionSpeaker link = new SessionSpeaker(session, speaker);
            ctx.persist(link, "session_speakers", link.getId(), createdAt);
        }
    }

    private Ticket ticket(Event event, int sortOrder, String name, String description, long priceMinor,
                          int quantity, Instant salesStart, Instant salesEnd, int min, int max,
                          TicketVisibility visibility, Instant createdAt) {
        Ticket ticket = new Ticket(event.getId(), name, priceMinor, event.getCurrency());
        ticket.setDescription(description);
        ticket.setQuantity(quantity);
        ticket.setSalesStart(salesStart);
        ticket.setSalesEnd(salesEnd);
        ticket.setPerOrderLimits(min, max);
        ticket.setVisibility(visibility);
        ticket.setSortOrder(sortOrder);
        return ctx.persist(ticket, "tickets", ticket.getId(), createdAt);
    }
}
