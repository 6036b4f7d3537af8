-- Why: segment rules and list filters from ticketing's facts (issue 15): "abandoned checkout", "spent at least X",
-- "bought a ticket type". The CRM must not read or write ticketing's tables on its own, so ticketing publishes a
-- small read model here: three SQL functions (language sql, stable, security invoker, one select each), which
-- PostgreSQL inlines into the CRM's filter statement like a view, so row level security of the caller applies and
-- every segment's count stays part of one statement. (Not views: PostgreSQL 14 has no security_invoker views, and a
-- view would read the tables with its owner's rights.)
--
-- A hold learns the address the buyer typed at checkout (CheckoutService.rememberEmail, before the order is
-- placed): without it an unfinished checkout has nobody to remind. Erasing a person clears it (PurchasesForContacts).

alter table holds add column buyer_email text check (buyer_email is null or length(buyer_email) <= 254);
create index holds_buyer_email_idx on holds (account_id, lower(buyer_email)) where buyer_email is not null;

-- Abandoned checkouts: a hold for an event (p_event, or any when null) whose buyer typed an address, which ran out
-- or was left (never became an order), with no order of that event placed with that address since the hold began
-- (paid, or still waiting for its payment within its deadline). One row per address (lower case).
create function abandoned_checkout_emails(p_event uuid) returns table (email_key text)
    language sql stable as $$
    select distinct lower(h.buyer_email)
    from holds h
    where h.buyer_email is not null
      and (p_event is null or h.event_id = p_event)
      and h.status <> 'converted'
      and (h.status = 'released' or h.expires_at <= now())
      and not exists (select 1 from orders o
                      where o.account_id = h.account_id and lower(o.buyer_email) = lower(h.buyer_email)
                        and o.event_id = h.event_id and o.placed_at >= h.created_at
                        and (o.paid_at is not null
                             or o.status = 'pending' and (o.payment_deadline is null or o.payment_deadline > now())))
$$;

-- What each buyer contact spent, per currency: the totals of the orders they paid minus what was refunded (an order
-- cancelled later counts with what it kept). Orders point at their buyer's contact once paid (and follow a merge).
create function contact_spend() returns table (contact_id uuid, currency text, spent_minor bigint)
    language sql stable as $$
    select o.buyer_contact_id, o.currency::text, sum(o.total_minor - o.refunded_minor)::bigint
    from orders o
    where o.paid_at is not null and o.buyer_contact_id is not null
    group by o.buyer_contact_id, o.currency
$$;

-- The ticket types each buyer contact bought: a line of an order of theirs that is paid now (not cancelled).
create function contact_ticket_types() returns table (contact_id uuid, ticket_id uuid)
    language sql stable as $$
    select o.buyer_contact_id, l.ticket_id
    from orders o join order_lines l on l.account_id = o.account_id and l.order_id = o.id
    where o.status = 'paid' and o.buyer_contact_id is not null
$$;
