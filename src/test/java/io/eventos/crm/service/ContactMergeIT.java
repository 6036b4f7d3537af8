package io.eventos.crm.service;

import io.eventos.account.service.AuditQuery;
import io.eventos.account.service.AuditService;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.Poll;
import io.eventos.testing.Superuser;
import io.eventos.ticketing.service.OrderRequest;
import io.eventos.ticketing.service.PlacedOrder;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicates and merging in the container against the real PostgreSQL (docs/architecture.md "Contacts (CRM)"): the
 * same person bought twice with two addresses and is suggested as a duplicate; the merge moves both histories onto
 * the survivor, fills its gaps, unites tags, hides the merged contact and sends later sales to its address to the
 * survivor; undo puts back exactly what moved. Concurrent merges of the same two contacts leave one merge; another
 * account's contact cannot be merged.
 */
public class ContactMergeIT extends ContactsOnSaleIT {

    @Inject
    ContactMergeService merging;
    @Inject
    AuditService audit;
    @Inject
    CampaignFixtures campaigns;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Test
    void aMergedPairKeepsBothHistoriesOnTheSurvivorAndUndoPutsEverythingBack() {
        buy("Ada Lovelace", "ada@work.example", false);
        UUID work = only(names("ada@work")).id();
        as(() -> {
            contacts.update(work, form(contacts.detail(work).form(), "Ada", "Lovelace", null, "Analytical Engines",
                    List.of("speaker")));
            return null;
        });
        UUID home = as(() -> contacts.create(new ContactForm("Adá", "  LOVELACE ", "ada@home.example",
                "+44 20 7946 0000", "analytical engines", null, null, null, "London", null, List.of("vip", "speaker"),
                null, Map.of())));
        as(() -> contacts.addEntry(home, new TimelineEntryForm("note", "Met at the meetup", null, null, null)));
        as(() -> contacts.addEntry(home, new TimelineEntryForm("task", "Send the slides", null, null, null)));
        buy("Ada Lovelace", "ada@home.example", true);
        List<TimelineEntry> workBefore = timeline(work);
        List<TimelineEntry> homeBefore = timeline(home);
        assertEquals(3, homeBefore.size(), "her order, note and task");

        assertEquals(List.of(home), as(() -> merging.suggestions(work)).stream().map(s -> s.contact().id()).toList());
        assertEquals("same name and company", as(() -> merging.suggestions(work)).get(0).reason());
        List<DuplicatePair> pairs = as(() -> merging.duplicates(null, 25)).pairs();
        assertEquals(1, pairs.size());
        assertEquals(Set.of(work, home), Set.of(pairs.get(0).first().id(), pairs.get(0).second().id()));

        UUID merge = as(() -> merging.merge(work, home, Set.of("firstName")));

        ContactDetails survivor = as(() -> contacts.detail(work));
        assertEquals("Adá", survivor.form().firstName(), "taken from the merged contact as chosen");
        assertEquals("Lovelace", survivor.form().lastName(), "the survivor's own");
        assertEquals("ada@work.example", survivor.form().email());
        assertEquals("+442079460000", survivor.form().phone(), "a gap filled");
        assertEquals("London", survivor.form().city());
        assertEquals(List.of("speaker", "vip"), survivor.form().tags());
        assertTrue(survivor.consent(), "she consented with her home address: her latest decision");
        List<TimelineEntry> merged = timeline(work);
        assertEquals(workBefore.size() + homeBefore.size(), merged.size(), "both histories");
        assertEquals(2, merged.stream().filter(e -> e.kind().equals("order_paid")).count());
        assertTrue(merged.stream().anyMatch(e -> "Send the slides".equals(e.subject())));
        assertEquals(List.of(), names("ada@home"), "the merged contact left the list");
        assertThrows(AccessDeniedException.class, () -> as(() -> contacts.detail(home)));
        assertEquals(work, as(() -> merging.mergedInto(home)).orElseThrow());
        assertEquals(List.of(), as(() -> merging.suggestions(work)));
        assertFalse(as(() -> contacts.consentHistory(work)).isEmpty());
        assertEquals(1, as(() -> audit.count(new AuditQuery("contact.merged", null, null, null))));
        assertThrows(InputRefusedException.class, () -> as(() -> merging.merge(work, home, Set.of())),
                "merged once");

        buy("A. Lovelace", "ada@home.example", false); // a later sale to the merged address follows the merge
        assertEquals(3, timeline(work).stream().filter(e -> e.kind().equals("order_paid")).count());

        as(() -> {
            merging.undo(merge);
            return null;
        });
        ContactDetails work2 = as(() -> contacts.detail(work));
        ContactDetails home2 = as(() -> contacts.detail(home));
        assertEquals("Ada", work2.form().firstName());
        assertNull(work2.form().phone());
        assertNull(work2.form().city());
        assertEquals(List.of("speaker"), work2.form().tags());
        assertEquals("ada@home.example", home2.form().email());
        assertEquals("Adá", home2.form().firstName());
        assertEquals(ids(homeBefore), ids(timeline(home)), "exactly her own history back");
        assertEquals(workBefore.size() + 1, timeline(work).size(), "its own, and the sale made after the merge");
        assertEquals(1, names("ada@home").size());
        MergeRecord record = as(() -> merging.merges(work)).get(0);
        assertTrue(record.undone());
        assertThrows(InputRefusedException.class, () -> as(() -> {
            merging.undo(merge);
            return null;
        }), "undone once");
        assertEquals(1, as(() -> audit.count(new AuditQuery("contact.merge_undone", null, null, null))));
    }

    /**
     * A consent ticked at a checkout with an address that was merged into another contact is the person's: the
     * survivor's page, the consent filter and the survivor's consent history show it (it stayed on the merged row
     * only, before).
     */
    @Test
    void aConsentGivenAtAMergedAddressIsTheSurvivors() {
        buy("Bo Brown", "bo@work.example", false);
        buy("Bo Brown", "bo@home.example", false);
        UUID work = only(names("bo@work")).id();
        UUID home = only(names("bo@home")).id();
        as(() -> merging.merge(work, home, Set.of()));
        assertFalse(as(() -> contacts.detail(work)).consent());

        PlacedOrder again = buy("Bo Brown", "bo@home.example", true);
        ContactDetails survivor = as(() -> contacts.detail(work));
        assertTrue(survivor.consent(), "the person consented at the checkout");
        assertEquals("order " + again.code(), survivor.consentSource());
        assertNotNull(survivor.consentAt());
        assertTrue(as(() -> contacts.consentHistory(work)).stream()
                .anyMatch(c -> c.granted() && ("order " + again.code()).equals(c.source())), "its history says so");
        assertEquals(List.of(work), as(() -> contacts.list(new ContactFilter("bo", null, null, null, "yes", null), 0,
                25, "name", true)).stream().map(ContactRow::id).toList(), "the consent filter finds the person");

        buy("Bo Brown", "bo@home.example", false); // an unticked box later withdraws nothing
        assertTrue(as(() -> contacts.detail(work)).consent());
    }

    /**
     * The merged contact's campaign deliveries follow it to the survivor (marketing moves them for the merge), except
     * one of a campaign the survivor got too (a campaign reaches a contact once); undo puts back exactly those moved.
     */
    @Test
    void campaignDeliveriesFollowTheMergeUnlessTheSurvivorGotTheCampaignAndGoBackOnUndo() {
        UUID survivor = as(() -> contacts.create(new ContactForm("Grace", "Hopper", "grace@navy.example", null, null,
                null, null, null, null, null, List.of(), null, Map.of())));
        UUID other = as(() -> contacts.create(new ContactForm("Grace", "Hopper", "grace@home.example", null, null,
                null, null, null, null, null, List.of(), null, Map.of())));
        UUID newsletter = as(() -> campaigns.campaign("Spring newsletter"));
        UUID invitation = as(() -> campaigns.campaign("Summit invitation"));
        UUID survivorsNewsletter = as(() -> campaigns.delivery(newsletter, survivor, "grace@navy.example"));
        UUID othersNewsletter = as(() -> campaigns.delivery(newsletter, other, "grace@home.example"));
        UUID othersInvitation = as(() -> campaigns.delivery(invitation, other, "grace@home.example"));

        UUID merge = as(() -> merging.merge(survivor, other, Set.of()));
        assertEquals(survivor, as(() -> campaigns.contactOf(othersInvitation)), "moved to the survivor");
        assertEquals(other, as(() -> campaigns.contactOf(othersNewsletter)), "the survivor got that campaign itself");
        assertEquals(survivor, as(() -> campaigns.contactOf(survivorsNewsletter)));

        as(() -> {
            merging.undo(merge);
            return null;
        });
        assertEquals(other, as(() -> campaigns.contactOf(othersInvitation)), "back with the merged contact");
        assertEquals(other, as(() -> campaigns.contactOf(othersNewsletter)));
        assertEquals(survivor, as(() -> campaigns.contactOf(survivorsNewsletter)));
    }

    @Test
    void theListOfDuplicatesPagesByNameKeepingThePairsOfOneNameTogether() {
        for (String name : List.of("Carla", "Anna", "Bert")) {
            for (int i = 0; i < (name.equals("Anna") ? 3 : 2); i++) { // three Annas: three pairs of one name
                String first = i == 0 ? name : name.toUpperCase(java.util.Locale.ROOT);
                as(() -> contacts.create(new ContactForm(first, "Paging", null, null, "Same Company", null, null,
                        null, null, null, List.of(), null, Map.of())));
            }
        }
        as(() -> contacts.create(new ContactForm("Dora", "Paging", null, null, "One Company", null, null, null, null,
                null, List.of(), null, Map.of())));
        as(() -> contacts.create(new ContactForm("Dora", "Paging", null, null, "Another Company", null, null, null,
                null, null, List.of(), null, Map.of()))); // same name, nothing else: no pair

        ContactMergeService.DuplicatePage first = as(() -> merging.duplicates(null, 2));
        assertEquals(List.of("anna paging", "anna paging", "anna paging"), keys(first), "one name's pairs together");
        ContactMergeService.DuplicatePage second = as(() -> merging.duplicates(first.nextAfter(), 2));
        assertEquals(List.of("bert paging", "carla paging"), keys(second), "Dora's twins share no phone or company");
        assertNull(second.nextAfter(), "the last page");
    }

    private static List<String> keys(ContactMergeService.DuplicatePage page) {
        return page.pairs().stream().map(p -> p.first().name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /**
     * An undo gives way to a sale. A sale to a merged address takes the merged row (its upsert) and then the survivor's
     * (its timeline entry); an undo takes both rows in the order of their ids. With the survivor's id the lower, an undo
     * starting between the sale's two can hold the survivor and wait for the merged row while the sale waits for the
     * survivor. PostgreSQL would end one of them with "deadlock detected" after {@code deadlock_timeout} (1 s): with a
     * 3 s lock timeout it was the undo, with an error no page explains. The undo stops waiting first (500 ms): the
     * organizer is asked to try again, the sale goes through, and the undo works once it is done. The sale's two
     * locks are taken here as it takes them.
     */
    @Test
    void anUndoGivesWayToASaleHoldingTheMergedAddress() throws Exception {
        UUID one = as(() -> contacts.create(new ContactForm("Cy", "Crossed", "cy@one.example", null, null, null,
                null, null, null, null, List.of(), null, Map.of())));
        UUID two = as(() -> contacts.create(new ContactForm("Cy", "Crossed", "cy@two.example", null, null, null,
                null, null, null, null, List.of(), null, Map.of())));
        // PostgreSQL orders uuids byte by byte, as their text sorts
        UUID survivor = one.toString().compareTo(two.toString()) < 0 ? one : two;
        UUID merged = survivor.equals(one) ? two : one;
        UUID merge = as(() -> merging.merge(survivor, merged, Set.of()));

        ExecutorService pool = Executors.newFixedThreadPool(1, threads);
        try (Connection sale = Superuser.connect(); Connection watch = Superuser.connect();
             Statement saleSql = sale.createStatement(); Statement watchSql = watch.createStatement()) {
            sale.setAutoCommit(false);
            saleSql.execute("select id from contacts where id = '" + merged + "' for no key update"); // the upsert
            Future<Object> undo = pool.submit(() -> {
                try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
                    merging.undo(merge);
                    return "undone";
                } catch (RuntimeException e) {
                    return e;
                }
            });
            Poll.until("the undo waiting for the merged row", Duration.ofSeconds(20), Duration.ofMillis(10), () -> {
                try (ResultSet rs = watchSql.executeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'")) {
                    return rs.next() && rs.getLong(1) == 1;
                }
            });
            saleSql.execute("select id from contacts where id = '" + survivor + "' for key share"); // its timeline
            sale.commit();
            Object outcome = undo.get(1, TimeUnit.MINUTES);
            assertTrue(outcome instanceof InputRefusedException refused
                    && refused.getMessage().contains("try again"), String.valueOf(outcome));
        } finally {
            pool.shutdownNow();
        }
        as(() -> {
            merging.undo(merge);
            return null;
        });
        assertEquals(2, names("crossed").size(), "both contacts again");
    }

    @Test
    void twoMergesOfTheSameContactsAtOnceLeaveExactlyOne() throws Exception {
        UUID a = as(() -> contacts.create(new ContactForm("Grace", "Hopper", "grace@navy.example", null, "Navy", null,
                null, null, null, null, List.of(), null, Map.of())));
        UUID b = as(() -> contacts.create(new ContactForm("grace", "hopper", "grace@home.example", null, "NAVY", null,
                null, null, null, null, List.of(), null, Map.of())));
        as(() -> contacts.addEntry(a, new TimelineEntryForm("note", "From A", null, null, null)));
        as(() -> contacts.addEntry(b, new TimelineEntryForm("note", "From B", null, null, null)));

        ExecutorService pool = Executors.newFixedThreadPool(8, threads);
        List<Object> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean aSurvives = i % 2 == 0;
                Callable<Object> merge = () -> {
                    start.await();
                    try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
                        return aSurvives ? merging.merge(a, b, Set.of()) : merging.merge(b, a, Set.of());
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(merge));
            }
            start.countDown();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Object> merges = outcomes.stream().filter(UUID.class::isInstance).toList();
        assertEquals(1, merges.size(), outcomes.toString());
        assertTrue(outcomes.stream().filter(o -> !(o instanceof UUID)).allMatch(InputRefusedException.class::isInstance),
                outcomes.toString());
        List<ContactRow> left = names("hopper");
        assertEquals(1, left.size(), "one contact stays");
        UUID survivor = left.get(0).id();
        assertEquals(Set.of("From A", "From B"), Set.copyOf(timeline(survivor).stream()
                .map(TimelineEntry::subject).toList()));
        assertEquals(1, as(() -> merging.merges(survivor)).size());
        assertEquals(List.of(), as(() -> merging.merges(survivor.equals(a) ? b : a)));
    }

    @Test
    void anotherAccountsContactCannotBeMergedNorItsMergeUndone() {
        UUID otherAccount = UUID.randomUUID();
        UUID otherOwner = UUID.randomUUID();
        UUID foreign;
        UUID foreignMerge;
        try (var t = CurrentTenant.bind(otherAccount); var u = CurrentTenant.bindUser(otherOwner)) {
            members.createAccountWithEvent("merge-other-" + otherAccount.toString().substring(0, 8));
            foreign = contacts.create(new ContactForm("Alan", "Turing", "alan@other.example", null, "Bletchley",
                    null, null, null, null, null, List.of(), null, Map.of()));
            UUID twin = contacts.create(new ContactForm("Alan", "Turing", "turing@other.example", null, "Bletchley",
                    null, null, null, null, null, List.of(), null, Map.of()));
            foreignMerge = merging.merge(twin, contacts.create(new ContactForm("Alan", "Turing",
                    "a.turing@other.example", null, "Bletchley", null, null, null, null, null, List.of(), null,
                    Map.of())), Set.of());
        }
        UUID mine = as(() -> contacts.create(new ContactForm("Alan", "Turing", "alan@mine.example", null, "Bletchley",
                null, null, null, null, null, List.of(), null, Map.of())));
        UUID foreignId = foreign;
        assertThrows(AccessDeniedException.class, () -> as(() -> merging.merge(mine, foreignId, Set.of())));
        assertThrows(AccessDeniedException.class, () -> as(() -> merging.merge(foreignId, mine, Set.of())));
        UUID foreignMergeId = foreignMerge;
        assertThrows(AccessDeniedException.class, () -> as(() -> {
            merging.undo(foreignMergeId);
            return null;
        }));
        assertEquals(List.of(), as(() -> merging.suggestions(mine)), "the other account's Alan is no suggestion");
        assertEquals(1, names("turing").size());
        try (var t = CurrentTenant.bind(otherAccount); var u = CurrentTenant.bindUser(otherOwner)) {
            assertEquals("alan@other.example", contacts.detail(foreignId).form().email(), "untouched");
            assertTrue(merging.mergedInto(foreignId).isEmpty());
        }
    }

    @Test
    void aPairDismissedAsNotADuplicateIsNoLongerSuggestedUntilRestored() throws Exception {
        UUID first = as(() -> contacts.create(new ContactForm("Marie", "Curie", "marie@lab.example", null,
                "Radium Institute", null, null, null, null, null, List.of(), null, Map.of())));
        UUID second = as(() -> contacts.create(new ContactForm("MARIE", "curie", "m.curie@home.example", null,
                "radium institute", null, null, null, null, null, List.of(), null, Map.of())));
        UUID third = as(() -> contacts.create(new ContactForm("Marie", "Curie", "marie.c@else.example", null,
                "Radium Institute", null, null, null, null, null, List.of(), null, Map.of())));
        assertEquals(Set.of(second, third), suggested(first));
        assertEquals(3, as(() -> merging.duplicates(null, 25)).pairs().size(), "three pairs of one name");

        // dismissed from the second contact's side, eight times at once: one dismissal, one audit entry
        ExecutorService pool = Executors.newFixedThreadPool(8, threads);
        List<Object> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean fromSecond = i % 2 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
                        if (fromSecond) {
                            merging.dismiss(second, first);
                        } else {
                            merging.dismiss(first, second);
                        }
                        return "dismissed";
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(outcomes.stream().allMatch("dismissed"::equals), outcomes.toString());
        assertEquals(1, as(() -> audit.count(new AuditQuery("contact.duplicate_dismissed", null, null, null))));

        assertEquals(Set.of(third), suggested(first), "the dismissed pair is gone, the other stays");
        assertEquals(Set.of(third), suggested(second));
        List<DuplicatePair> pairs = as(() -> merging.duplicates(null, 25)).pairs();
        assertEquals(2, pairs.size());
        assertTrue(pairs.stream().noneMatch(p -> Set.of(p.first().id(), p.second().id()).equals(Set.of(first, second))),
                pairs.toString());
        List<ContactMergeService.DismissedPair> dismissed = as(() -> merging.dismissed(20));
        assertEquals(1, dismissed.size());
        assertEquals(Set.of(first, second), Set.of(dismissed.get(0).first().id(), dismissed.get(0).second().id()));
        assertEquals(owner, dismissed.get(0).dismissedBy());

        // another account can neither see nor restore it
        UUID otherAccount = UUID.randomUUID();
        UUID otherOwner = UUID.randomUUID();
        try (var t = CurrentTenant.bind(otherAccount); var u = CurrentTenant.bindUser(otherOwner)) {
            members.createAccountWithEvent("dismiss-other-" + otherAccount.toString().substring(0, 8));
            assertEquals(List.of(), merging.dismissed(20));
            assertFalse(merging.restore(dismissed.get(0).id()));
            assertThrows(AccessDeniedException.class, () -> merging.dismiss(first, second));
        }

        assertTrue(as(() -> merging.restore(dismissed.get(0).id())));
        assertEquals(Set.of(second, third), suggested(first), "restored: suggested again");
        assertEquals(3, as(() -> merging.duplicates(null, 25)).pairs().size());
        assertEquals(List.of(), as(() -> merging.dismissed(20)));
        assertFalse(as(() -> merging.restore(dismissed.get(0).id())), "restored once");
        assertEquals(1, as(() -> audit.count(new AuditQuery("contact.duplicate_restored", null, null, null))));
        assertThrows(InputRefusedException.class, () -> as(() -> {
            merging.dismiss(first, first);
            return null;
        }));
    }

    private Set<UUID> suggested(UUID contact) {
        return as(() -> merging.suggestions(contact)).stream().map(s -> s.contact().id())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static ContactForm form(ContactForm f, String first, String last, String phone, String company,
                                    List<String> tags) {
        return new ContactForm(first, last, f.email(), phone, company, f.jobTitle(), f.addressLine(), f.postalCode(),
                f.city(), f.country(), tags, f.ownerUserId(), f.customFields());
    }

    private PlacedOrder buy(String buyer, String email, boolean consent) {
        return buy(buyer, email, List.of(new OrderRequest.AttendeeName("Ada", "Lovelace", null)), consent);
    }

    private List<TimelineEntry> timeline(UUID contact) {
        return as(() -> contacts.timeline(contact, null, 200));
    }

    private static List<UUID> ids(List<TimelineEntry> entries) {
        return entries.stream().map(TimelineEntry::id).sorted().toList();
    }
}
