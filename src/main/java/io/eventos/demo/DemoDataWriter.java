package io.eventos.demo;

import io.eventos.account.domain.Account;
import io.eventos.account.domain.AccountUser;
import io.eventos.account.domain.MemberRole;
import io.eventos.account.domain.User;
import io.eventos.account.service.PasswordHasher;
import io.eventos.crm.service.BuyerContacts;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import io.eventos.platform.text.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes the whole demo account in one transaction, bound to the new account by {@link TenantBound} (so row level
 * security checks every row, the account's own included). Called only by {@link DemoAccountSeeder}, through the
 * container, so that the tenant interceptor and the transaction apply.
 */
@Stateless
@TenantBound
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DemoDataWriter {

    /**
     * The account row could not be written, most likely because another instance created the slug first. An
     * application exception: the transaction rolls back and the seeder decides, without a container stack trace.
     */
    @ApplicationException(rollback = true)
    public static class AccountNotCreatedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AccountNotCreatedException(PersistenceException cause) {
            super("The demo account could not be created: " + cause.getMessage(), cause);
        }
    }

    /** A member of the demo team: e-mail, name, role and the password the README gives out. */
    private record Member(String email, String name, MemberRole role, String password) {
    }

    private static final List<Member> TEAM = List.of(
            new Member(DemoAccountSeeder.OWNER_EMAIL, "Olivia Owner", MemberRole.OWNER, "demo-owner-2026"),
            new Member("admin@demo.eventos.test", "Adam Admin", MemberRole.ADMIN, "demo-admin-2026"),
            new Member("manager@demo.eventos.test", "Mia Manager", MemberRole.MANAGER, "demo-manager-2026"),
            new Member("member@demo.eventos.test", "Max Member", MemberRole.MEMBER, "demo-member-2026"),
            new Member("viewer@demo.eventos.test", "Vera Viewer", MemberRole.VIEWER, "demo-viewer-2026"),
            new Member("doors@demo.eventos.test", "Dana Doors", MemberRole.MEMBER, "demo-doors-2026"));

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    PasswordHasher passwordHasher;
    @Inject
    BuyerContacts buyerContacts;

    Clock clock = Clock.systemUTC();

    /**
     * Persists {@code account} (whose id must be the bound tenant) and everything in it. A second instance that
     * creates the same slug at the same time fails here on the unique slug, and nothing of it is kept.
     */
    public DemoSeedResult write(Account account) {
        if (!account.getId().equals(CurrentTenant.require())) {
            throw new IllegalStateException("The demo account must be the bound tenant");
        }
        DemoContext ctx = new DemoContext(em, clock.instant());
        Instant founded = ctx.daysAgo(150);
        em.persist(account);
        try {
            em.flush(); // the unique slug is checked here, before any other work
        } catch (PersistenceException e) {
            throw new AccountNotCreatedException(e);
        }
        ctx.backdating.set("accounts", account.getId(), founded);

        TEAM.forEach(member -> ctx.people.reserve(member.email()));
        UUID[] ids = new UUID[TEAM.size()];
        for (int i = 0; i < TEAM.size(); i++) {
            ids[i] = user(ctx, TEAM.get(i), account.getId(), founded.plusSeconds(i * 86_400L)).getId();
        }
        DemoStaff staff = new DemoStaff(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]);

        DemoCatalog catalog = new DemoCatalog(ctx, staff.owner());
        catalog.create();
        for (int i = 0; i < TEAM.size(); i++) {
            membership(ctx, TEAM.get(i), ids[i], staff.owner(), catalog, founded.plusSeconds(i * 86_400L + 600));
        }

        DemoCrm crm = new DemoCrm(ctx, staff);
        crm.createLeads(23, catalog.meetup.getEndsAt());
        DemoSales sales = new DemoSales(ctx, catalog, crm, staff);
        sales.create();
        sales.pageViews();
        crm.createTimelines(sales.buyerContacts());
        crm.createOpenTasks();
        crm.createCustomFields();
        crm.createAbandonedCheckouts(catalog.summit.getId());
        crm.createSegments(catalog.meetup.getId(), catalog.summit.getId());
        crm.createSavedViews(catalog.summit.getId());
        crm.createCampaigns(catalog.summit.getId(), catalog.jazz.getId());
        crm.createNotifications(catalog.earlyBird.getSalesEnd(), sales.newestPaid().getCode(),
                sales.newestPaidAudit().getId(), sales.newestPaid().getPaidAt(), sales.pendingCount());
        crm.createDuplicate();
        crm.finish();

        em.flush();
        ctx.backdating.apply(em);
        buyerContacts.recordEventBehaviourFromTimelines(); // the timelines above were written directly
        return new DemoSeedResult(true, catalog.events().size(), sales.orderCount(), sales.attendeeCount(),
                crm.contactCount());
    }

    /**
     * The team member's user: users are global, so one who exists already (a member of another account) is reused
     * as they are: their password and their last account stay theirs unless they have none.
     */
    private User user(DemoContext ctx, Member member, UUID accountId, Instant createdAt) {
        List<User> existing = em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", member.email().toLowerCase(Locale.ROOT))
                .getResultList();
        if (!existing.isEmpty()) {
            User user = existing.get(0);
            if (user.getLastAccountId() == null) {
                user.setLastAccountId(accountId);
            }
            return user;
        }
        User user = new User(member.email(), member.name());
        user.setPasswordHash(passwordHasher.hash(member.password()));
        user.setEmailVerifiedAt(createdAt.plusSeconds(300));
        user.setLastAccountId(accountId);
        return ctx.persist(user, "users", user.getId(), createdAt);
    }

    private void membership(DemoContext ctx, Member member, UUID userId, UUID ownerId, DemoCatalog catalog,
                            Instant createdAt) {
        AccountUser membership = new AccountUser(userId, member.role());
        if (!userId.equals(ownerId)) {
            membership.setInvitedBy(ownerId);
        }
        if (member.email().startsWith("doors@")) {
            // check-in staff for the summit only
            membership.setEventScopeJson(Json.createArrayBuilder().add(catalog.summit.getId().toString()).build()
                    .toString());
        }
        membership.setLastActiveAt(ctx.now.minusSeconds(3_600L * (1 + ctx.random.nextInt(96))));
        ctx.persist(membership, "account_users", membership.getId(), createdAt);
    }
}
