package io.eventos.demo;

import io.eventos.crm.domain.Activity;
import io.eventos.crm.domain.ActivityKind;
import io.eventos.crm.domain.Contact;
import io.eventos.crm.service.PhoneNumbers;
import io.eventos.marketing.domain.Campaign;
import io.eventos.marketing.domain.CampaignDelivery;
import io.eventos.marketing.domain.CampaignStatus;
import io.eventos.marketing.domain.DeliveryStatus;
import io.eventos.notification.domain.Notification;
import io.eventos.platform.tenancy.TransactionSettings;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The CRM side of the demo: one contact per e-mail address (buyers and leads), each with a timeline of activities,
 * a sent and a draft campaign, and the owner's notifications.
 */
final class DemoCrm {

    private static final List<List<String>> LEAD_TAGS = List.of(
            List.of("lead", "sponsor-prospect"), List.of("lead", "speaker-candidate"), List.of("partner"),
            List.of("press"), List.of("lead", "venue-partner"), List.of("newsletter"));

    private final DemoContext ctx;
    private final DemoStaff staff;
    private final Map<String, Contact> byEmail = new LinkedHashMap<>();
    private final Map<Contact, Instant> createdAt = new HashMap<>();
    private final Map<Contact, Set<String>> tags = new HashMap<>();
    private final List<Contact> leads = new ArrayList<>();
    private int activities;

    DemoCrm(DemoContext ctx, DemoStaff staff) {
        this.ctx = ctx;
        this.staff = staff;
    }

    int contactCount() {
        return byEmail.size();
    }

    List<Contact> leads() {
        return leads;
    }

    /** The contact with this e-mail address (case-insensitive), if there is one. */
    Optional<Contact> find(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    /** The buyer's contact: found by e-mail, or created from the order. */
    Contact contactFor(DemoPeople.Person person, Instant seenAt, String source) {
        Contact contact = byEmail.get(person.email().toLowerCase(Locale.ROOT));
        if (contact == null) {
            contact = new Contact(person.email(), person.firstName(), person.lastName());
            contact.setPhone(person.phone() == null ? null : PhoneNumbers.e164(person.phone()).orElse(null));
            contact.setCompany(person.company());
            contact.setJobTitle(person.jobTitle());
            contact.setSource(source);
            ctx.em.persist(contact);
            byEmail.put(person.email().toLowerCase(Locale.ROOT), contact);
            createdAt.put(contact, seenAt);
            tags.put(contact, new LinkedHashSet<>());
        } else if (seenAt.isBefore(createdAt.get(contact))) {
            createdAt.put(contact, seenAt);
        }
        return contact;
    }

    void tag(Contact contact, String tag) {
        tags.get(contact).add(tag);
    }

    /** Records marketing consent unless the contact gave it earlier (or has unsubscribed since). */
    void consent(Contact contact, Instant at, String source) {
        if (!contact.isMarketingConsent() && contact.getUnsubscribedAt() == null) {
            contact.setMarketingConsent(true);
            contact.setMarketingConsentAt(at);
            contact.setConsentSource(source);
        }
    }

    /** One entry on a contact's timeline. */
    Activity activity(Contact contact, ActivityKind kind, Instant at, UUID actorUserId, String subject, String body,
                      UUID eventId, UUID auditId, JsonObject data) {
        Activity activity = new Activity(contact, kind);
        activity.setOccurredAt(at);
        activity.setActorUserId(actorUserId);
        activity.setSubject(subject);
        activity.setBody(body);
        activity.setEventId(eventId);
        activity.setAuditId(auditId);
        if (data != null) {
            activity.setDataJson(data.toString());
        }
        ctx.persist(activity, "activities", activity.getId(), at);
        if (contact.getLastActivityAt() == null || at.isAfter(contact.getLastActivityAt())) {
            contact.setLastActivityAt(at);
        }
        activities++;
        return activity;
    }

    // ------------------------------------------------------------------------------------------------ leads

    /** Business contacts who have not bought (yet): imported badge scans, partners, press. */
    void createLeads(int count, Instant meetupEnd) {
        for (int i = 0; i < count; i++) {
            DemoPeople.Person person = ctx.people.lead();
            boolean scanned = ctx.random.nextInt(3) == 0;
            Instant seenAt = scanned ? meetupEnd.minusSeconds(ctx.random.nextInt(7200))
                    : ctx.daysAgo(10 + ctx.random.nextInt(120));
            Contact contact = contactFor(person, seenAt, scanned ? "import" : "manual");
            leads.add(contact);
            tags.get(contact).addAll(LEAD_TAGS.get(ctx.random.nextInt(LEAD_TAGS.size())));
            // some leads are the member's own: members edit the contacts they own (docs/permissions.md)
            boolean managers = ctx.random.nextBoolean(); // drawn as before, so the rest of the demo stays the same
            contact.setOwnerUserId(i % 3 == 2 ? staff.member() : managers ? staff.manager() : staff.admin());
            customFields(contact, i);
            if (ctx.random.nextInt(5) < 3) {
                consent(contact, seenAt, scanned ? "Badge scan at Spring Community Meetup (opt-in)"
                        : "Newsletter sign-up form");
            }
        }
    }

    /** Notes, calls and meetings by the team, on leads and on a few buyers. */
    void createTimelines(List<Contact> buyers) {
        UUID[] team = {staff.owner(), staff.admin(), staff.manager()};
        for (Contact lead : leads) {
            Instant from = createdAt.get(lead);
            int entries = 1 + ctx.random.nextInt(3);
            for (int i = 0; i < entries; i++) {
                Instant at = ctx.between(from, ctx.now);
                UUID actor = team[ctx.random.nextInt(team.length)];
                switch (ctx.random.nextInt(4)) {
                    case 0 -> activity(lead, ActivityKind.NOTE, at, actor, "Interested in sponsoring",
                            lead.getCompany() + " would like to sponsor a coffee break at the summit; send the "
                                    + "sponsor deck.",
                            null, null, null);
                    case 1 -> activity(lead, ActivityKind.CALL, at, actor, "Call about sponsorship packages",
                            "Budget is confirmed for next quarter. Prefers the Silver package; wants logo on the "
                                    + "lanyards.", null, null, Json.createObjectBuilder().add("duration_minutes",
                                    10 + ctx.random.nextInt(25)).add("direction", "outbound").build());
                    case 2 -> activity(lead, ActivityKind.MEETING, at, actor, "Coffee at the Kulturbrauerei",
                            "Walked through the venue and the agenda; " + lead.getFirstName()
                                    + " may propose a talk for the Engineering track.", null, null, null);
                    default -> task(lead, at, actor, "Send the summit agenda",
                            "Follow up with the final agenda once the speakers are confirmed.");
                }
            }
        }
        String[][] notes = {
                {"Invoice with VAT ID", "Asked for an invoice with the company's VAT ID; sent a corrected invoice."},
                {"Accessible seating", "Uses a wheelchair; reserved an aisle space near the Loft entrance."},
                {"Group booking", "Wants to bring five colleagues next time; offered a group rate."},
                {"Dietary requirements", "Vegan and nut allergy; passed on to the caterer."}};
        for (int i = 0; i < notes.length && i < buyers.size(); i++) {
            Contact buyer = buyers.get(i * 3 % buyers.size());
            Instant at = ctx.between(createdAt.get(buyer), ctx.now);
            activity(buyer, ActivityKind.NOTE, at, staff.admin(), notes[i][0], notes[i][1], null, null, null);
        }
    }

    /**
     * A task on the contact's timeline, due three days after it was written, for the contact's owner (or its writer);
     * those due more than a week ago are done. The owner and the member each get open tasks of their own too, so
     * "My tasks" on the dashboard shows something for them.
     */
    private void task(Contact contact, Instant at, UUID actor, String subject, String body) {
        Activity task = activity(contact, ActivityKind.TASK, at, actor, subject, body, null, null, null);
        Instant due = at.plusSeconds(3 * 86_400);
        task.setDueAt(due);
        task.setAssigneeUserId(contact.getOwnerUserId() != null ? contact.getOwnerUserId() : actor);
        if (due.isBefore(ctx.now.minusSeconds(7 * 86_400))) {
            task.setDoneAt(due.minusSeconds(3600));
        }
    }

    /** Open tasks for the owner and the member, due soon, on leads they can open. */
    void createOpenTasks() {
        String[][] tasks = {
                {"Call back about the sponsor deck", "Asked for a call after their budget meeting."},
                {"Send the speaker guidelines", "Wants to propose a talk for the Engineering track."},
                {"Confirm accessible seating", "Needs an aisle space near the entrance."}};
        for (int i = 0; i < tasks.length && i < leads.size(); i++) {
            Contact lead = leads.get(i);
            Instant at = ctx.daysAgo(1 + i);
            for (UUID assignee : new UUID[] {staff.owner(), staff.member()}) {
                Activity task = activity(lead, ActivityKind.TASK, at, staff.manager(), tasks[i][0], tasks[i][1],
                        null, null, null);
                task.setDueAt(ctx.now.plusSeconds((i * 2L - 1) * 86_400)); // one overdue, the others soon
                task.setAssigneeUserId(assignee);
            }
        }
    }

    /** The account's custom contact fields (three kinds) and values for some leads. */
    void createCustomFields() {
        String[][] fields = {
                {"company_size", "Company size", "number", "[]"},
                {"partner_since", "Partner since", "date", "[]"},
                {"sponsorship_level", "Sponsorship level", "choice", "[\"Gold\",\"Silver\",\"Bronze\"]"},
                {"dietary_needs", "Dietary needs", "text", "[]"},
                {"vip", "VIP", "yes_no", "[]"}};
        for (int i = 0; i < fields.length; i++) {
            ctx.em.createNativeQuery("""
                            insert into contact_fields (id, account_id, key, label, kind, choices, position)
                            values (gen_random_uuid(), cast(?1 as uuid), ?2, ?3, ?4, cast(?5 as jsonb), ?6)""")
                    .setParameter(1, io.eventos.platform.tenancy.CurrentTenant.require().toString())
                    .setParameter(2, fields[i][0]).setParameter(3, fields[i][1]).setParameter(4, fields[i][2])
                    .setParameter(5, fields[i][3]).setParameter(6, i + 1).executeUpdate();
        }
    }

    /**
     * Seven segments: the meetup's no-shows, the summit's buyers not checked in yet, repeat buyers, everyone who may
     * get marketing email, the summit's abandoned checkouts, buyers who spent at least €100, and Gold sponsors.
     */
    void createSegments(UUID meetupId, UUID summitId) {
        String[][] segments = {
                {"Spring Meetup: bought, did not come", "{\"bought_not_attended\":\"" + meetupId + "\"}"},
                {"Product Summit: bought, not checked in yet", "{\"bought_not_attended\":\"" + summitId + "\"}"},
                {"Repeat buyers", "{\"buyer\":\"repeat\"}"},
                {"Marketing: consented", "{\"consent\":\"yes\"}"},
                {"Product Summit: left the checkout", "{\"abandoned\":\"" + summitId + "\"}"},
                {"Spent at least €100", "{\"spent_currency\":\"EUR\",\"spent_at_least_minor\":10000}"},
                {"Sponsors: Gold", "{\"custom\":{\"key\":\"sponsorship_level\",\"kind\":\"choice\","
                        + "\"operator\":\"is\",\"value\":\"Gold\"}}"}};
        for (String[] segment : segments) {
            ctx.em.createNativeQuery("""
                            insert into segments (id, account_id, name, rules, created_by)
                            values (gen_random_uuid(), cast(?1 as uuid), ?2, cast(?3 as jsonb), cast(?4 as uuid))""")
                    .setParameter(1, io.eventos.platform.tenancy.CurrentTenant.require().toString())
                    .setParameter(2, segment[0]).setParameter(3, segment[1])
                    .setParameter(4, staff.manager().toString()).executeUpdate();
        }
    }

    /**
     * Checkouts left unfinished (issue 15, "abandoned checkout"): four leads typed their address at the summit's
     * checkout and let the hold run out, so the segment "Product Summit: left the checkout" shows them. Holds with
     * their lines as the checkout writes them; expired holds stay (no cleanup job: they count for nothing).
     */
    void createAbandonedCheckouts(UUID summitId) {
        for (int i = 0; i < 4 && i < leads.size(); i++) {
            Contact lead = leads.get(leads.size() - 1 - i);
            Instant started = ctx.daysAgo(2 + i * 3);
            UUID hold = UUID.randomUUID();
            ctx.em.createNativeQuery("""
                            insert into holds (id, account_id, event_id, token, expires_at, status, buyer_email,
                                               created_at, updated_at)
                            values (?1, cast(?2 as uuid), ?3, ?4, ?5, 'active', ?6, ?7, ?7)""")
                    .setParameter(1, hold).setParameter(2, io.eventos.platform.tenancy.CurrentTenant.require().toString())
                    .setParameter(3, summitId).setParameter(4, "demo-left-" + hold).setParameter(5,
                            java.sql.Timestamp.from(started.plusSeconds(15 * 60)))
                    .setParameter(6, lead.getEmail()).setParameter(7, java.sql.Timestamp.from(started))
                    .executeUpdate();
            ctx.em.createNativeQuery("""
                            insert into hold_lines (id, account_id, hold_id, ticket_id, quantity)
                            select gen_random_uuid(), t.account_id, ?1, t.id, ?3 from tickets t
                            where t.event_id = ?2 order by t.sort_order, t.id limit 1""")
                    .setParameter(1, hold).setParameter(2, summitId).setParameter(3, 1 + i % 2).executeUpdate();
        }
    }

    /** A saved view of the contact list the manager shares with the team: the summit's buyers by name. */
    void createSavedViews(UUID summitId) {
        // a view is written by its own user only (V31's policy): the manager, for this one statement
        Object before = ctx.em.createNativeQuery("select coalesce(current_setting('app.user_id', true), '')")
                .getSingleResult();
        TransactionSettings.set(ctx.em, TransactionSettings.USER, staff.manager());
        ctx.em.createNativeQuery("""
                        insert into contact_views (id, account_id, user_id, name, filters, sort_field, sort_ascending,
                                                   shared)
                        values (gen_random_uuid(), cast(?1 as uuid), cast(?2 as uuid), 'Summit buyers A–Z',
                                cast(?3 as jsonb), 'name', true, true)""")
                .setParameter(1, io.eventos.platform.tenancy.CurrentTenant.require().toString())
                .setParameter(2, staff.manager().toString())
                .setParameter(3, "{\"bought\":\"" + summitId + "\"}").executeUpdate();
        if (String.valueOf(before).isEmpty()) {
            TransactionSettings.clear(ctx.em, TransactionSettings.USER);
        } else {
            TransactionSettings.set(ctx.em, TransactionSettings.USER, UUID.fromString(String.valueOf(before)));
        }
    }

    private void customFields(Contact lead, int i) {
        var values = Json.createObjectBuilder().add("company_size", 20 + (i * 37) % 480);
        if (i % 3 == 0) {
            values.add("partner_since", "202" + (i % 5) + "-0" + (1 + i % 9) + "-15");
        }
        if (i % 4 == 1) {
            values.add("sponsorship_level", List.of("Gold", "Silver", "Bronze").get(i % 3));
        }
        if (i % 5 == 2) {
            values.add("dietary_needs", "Vegetarian");
        }
        values.add("vip", i % 6 == 0);
        lead.setCustomFieldsJson(values.build().toString());
    }

    // -------------------------------------------------------------------------------------------- campaigns

    /** A sent campaign for the summit (with its deliveries and their opens) and a draft one for the jazz night. */
    void createCampaigns(UUID summitId, UUID jazzId) {
        Instant sentAt = ctx.at(DemoCatalog.BERLIN, -10, LocalTime.of(10, 0));
        Campaign sent = new Campaign("Early bird reminder: Nordic Product Summit");
        sent.setSubject("Five days left for early bird tickets");
        sent.setFromName("Northwind Events");
        sent.setReplyTo("summit@demo.eventos.test");
        sent.setEventId(summitId);
        sent.setCreatedBy(staff.manager());
        sent.setSegmentJson(Json.createObjectBuilder().add("marketing_consent", true).build().toString());
        sent.setBodyHtml("""
                <h2>Early bird ends in five days</h2>
                <p>Two days, fourteen sessions, six speakers who have done it before. Early bird tickets for the \
                Nordic Product Summit in Berlin are €149 for five more days.</p>
                <p><a href="{{event_url}}">See the agenda and get your ticket</a></p>
                <p><small>You receive this because you subscribed to news from Northwind Events. \
                <a href="{{unsubscribe_url}}">Unsubscribe</a>.</small></p>""");
        sent.setBodyText("Early bird ends in five days. Two days, fourteen sessions, six speakers. Early bird tickets "
                + "for the Nordic Product Summit in Berlin are EUR 149 for five more days: {{event_url}}\n\n"
                + "Unsubscribe: {{unsubscribe_url}}");
        sent.setStatus(CampaignStatus.SENT);
        sent.setScheduledAt(sentAt);
        sent.setSentAt(sentAt);
        ctx.persist(sent, "campaigns", sent.getId(), sentAt.minusSeconds(2 * 86_400));

        List<Contact> recipients = byEmail.values().stream()
                .filter(c -> c.isMarketingConsent() && c.getMarketingConsentAt().isBefore(sentAt))
                .sorted(Comparator.comparing(Contact::getEmail))
                .toList();
        int opened = 0;
        int clicked = 0;
        int bounced = 0;
        int unsubscribed = 0;
        for (int i = 0; i < recipients.size(); i++) {
            Contact contact = recipients.get(i);
            CampaignDelivery delivery = new CampaignDelivery(sent, contact.getId(), contact.getEmail(),
                    ctx.codes.token(24));
            Instant deliveredAt = sentAt.plusSeconds(5 + i * 2L);
            ctx.persist(delivery, "campaign_deliveries", delivery.getId(), sentAt);
            delivery.setSentAt(deliveredAt);
            JsonObject data = Json.createObjectBuilder().add("campaign_id", sent.getId().toString())
                    .add("campaign", sent.getName()).build();
            if (i == 3) {
                delivery.setStatus(DeliveryStatus.BOUNCED);
                delivery.setBouncedAt(deliveredAt.plusSeconds(40));
                delivery.setError("550 5.1.1 The email account that you tried to reach does not exist");
                bounced++;
                continue;
            }
            delivery.setStatus(DeliveryStatus.SENT);
            activity(contact, ActivityKind.EMAIL_SENT, deliveredAt, null, sent.getSubject(), null, summitId, null,
                    data);
            if (ctx.random.nextInt(100) < 55) {
                Instant openedAt = deliveredAt.plusSeconds(600 + ctx.random.nextInt(2 * 86_400));
                delivery.setOpenedAt(openedAt);
                activity(contact, ActivityKind.EMAIL_OPENED, openedAt, null, sent.getSubject(), null, summitId, null,
                        data);
                opened++;
                if (ctx.random.nextInt(100) < 40) {
                    Instant clickedAt = openedAt.plusSeconds(20 + ctx.random.nextInt(300));
                    delivery.setClickedAt(clickedAt);
                    activity(contact, ActivityKind.EMAIL_CLICKED, clickedAt, null, sent.getSubject(),
                            "Clicked: See the agenda and get your ticket", summitId, null, data);
                    clicked++;
                } else if (unsubscribed == 0) {
                    Instant unsubscribedAt = openedAt.plusSeconds(45);
                    delivery.setUnsubscribedAt(unsubscribedAt);
                    contact.setUnsubscribedAt(unsubscribedAt);
                    contact.setMarketingConsent(false);
                    activity(contact, ActivityKind.UNSUBSCRIBED, unsubscribedAt, null, "Unsubscribed from marketing "
                            + "e-mails", null, null, null, data);
                    unsubscribed++;
                }
            }
        }
        sent.setRecipientsCount(recipients.size());
        sent.setSentCount(recipients.size());
        sent.setOpenedCount(opened);
        sent.setClickedCount(clicked);
        sent.setBouncedCount(bounced);
        sent.setUnsubscribedCount(unsubscribed);

        Campaign draft = new Campaign("Last tables for Jazz on the River");
        draft.setSubject("Only a few riverside tables left");
        draft.setFromName("Northwind Events");
        draft.setReplyTo("hello@demo.eventos.test");
        draft.setEventId(jazzId);
        draft.setCreatedBy(staff.manager());
        draft.setSegmentJson(Json.createObjectBuilder().add("marketing_consent", true)
                .add("tags_any", Json.createArrayBuilder().add("jazz-on-the-river").add("newsletter")).build()
                .toString());
        draft.setBodyHtml("""
                <h2>Jazz on the River</h2>
                <p>Three sets, one sunset, and only a few tables for four left. Reserve yours before they are gone.</p>
                <p><a href="{{event_url}}">Reserve a table</a></p>""");
        draft.setBodyText("Three sets, one sunset, and only a few tables for four left: {{event_url}}");
        ctx.persist(draft, "campaigns", draft.getId(), ctx.daysAgo(2));
    }

    // -------------------------------------------------------------------------------------------- notifications

    /** Three notifications for the owner; the oldest has been read. */
    void createNotifications(Instant earlyBirdEnded, String newestOrderCode, UUID newestOrderAuditId,
                             Instant newestOrderPaidAt, int pendingOrders) {
        Notification milestone = new Notification(staff.owner(), "sales_phase_ended",
                "Early bird sales ended for Nordic Product Summit");
        milestone.setBody("Early bird tickets are no longer on sale. Regular tickets are on sale until the summit "
                + "starts.");
        milestone.setLink("/e/demo/product-summit");
        milestone.setReadAt(earlyBirdEnded.plusSeconds(9 * 3600));
        ctx.persist(milestone, "notifications", milestone.getId(), earlyBirdEnded.plusSeconds(60));

        Notification order = new Notification(staff.owner(), "order_paid", "New order " + newestOrderCode);
        order.setBody("Order " + newestOrderCode + " has been paid.");
        order.setLink("/app/");
        order.setAuditId(newestOrderAuditId);
        ctx.persist(order, "notifications", order.getId(), newestOrderPaidAt);

        Notification pending = new Notification(staff.owner(), "orders_pending",
                pendingOrders + " orders are waiting for a bank transfer");
        pending.setBody("They are cancelled automatically if no payment arrives within three days.");
        pending.setLink("/app/");
        ctx.persist(pending, "notifications", pending.getId(), ctx.daysAgo(0.2));
    }

    /** Writes the tags and backdates every contact to when the organizer first met them. */
    /**
     * One lead typed in a second time (another address, the last name in lower case, the same company), with a note
     * of its own: the demo's "possible duplicate" to compare and merge (docs/architecture.md, "Contacts"). Draws no
     * random numbers, so the rest of the demo stays as it was.
     */
    void createDuplicate() {
        Contact original = leads.stream().filter(c -> c.getCompany() != null && c.getLastName() != null
                && c.getFirstName() != null && c.getEmail() != null).findFirst().orElse(null);
        if (original == null) {
            return;
        }
        String email = "private." + original.getEmail();
        Contact twin = new Contact(email, original.getFirstName(), original.getLastName().toLowerCase(Locale.ROOT));
        twin.setCompany(original.getCompany());
        twin.setSource("manual");
        twin.setOwnerUserId(staff.manager());
        ctx.em.persist(twin);
        byEmail.put(email.toLowerCase(Locale.ROOT), twin);
        Instant at = ctx.now.minusSeconds(3 * 86_400);
        createdAt.put(twin, at);
        tags.put(twin, new LinkedHashSet<>(List.of("newsletter")));
        activity(twin, ActivityKind.NOTE, at, staff.manager(), "Met at the registration desk",
                "Gave a private address for the newsletter.", null, null, null);
    }

    void finish() {
        for (Contact contact : byEmail.values()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            tags.get(contact).forEach(array::add);
            contact.setTagsJson(array.build().toString());
            ctx.backdating.set("contacts", contact.getId(), createdAt.get(contact));
        }
    }

    int activityCount() {
        return activities;
    }
}
