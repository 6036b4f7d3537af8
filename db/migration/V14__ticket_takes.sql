-- Why: the checkout counts what is taken of an event under the event's sales lock, and besides the sold tickets
-- (tickets.sold_count, V12) that count looked up every buyer in progress: each live hold's lines and each pending
-- order's tickets, through their own indexes (V13). With 500 buyers in progress that was about 1,200 buffers and
-- 4 ms of PostgreSQL's CPU per count, the largest single cost of a sale (bench/checkout.sh), paid while every other
-- buyer of the event waits for the lock.
--
-- Now PostgreSQL keeps, in the same transaction as the change, one narrow row per live hold or pending order and
-- ticket type: what it takes and until when (the hold's expiry, the order's payment deadline, or 'infinity'). The
-- count sums the rows of the event whose time has not run out, read from one index in expiry order. Expiry still
-- needs no job: a row whose time ran out is simply no longer in the range the count reads (it is removed when its
-- hold or order changes; ones left by abandoned holds are only dead weight outside that range).
--
-- The triggers run as the role that changes the row (the application role, its account bound), so row level
-- security applies to ticket_takes as to any other table; they read the current state of the hold or order, so the
-- result is the same whichever of a hold and its lines, or an order and its attendees, is written first.

-- Derived data that only these triggers write, like an index of the live rows: no id of its own and no foreign keys
-- (its rows go with their hold or order); row level security as on every tenant table.
create table ticket_takes (
    account_id uuid        not null,
    owner_id   uuid        not null, -- the hold or the order
    ticket_id  uuid        not null,
    event_id   uuid        not null,
    kind       text        not null check (kind in ('held', 'pending')),
    quantity   integer     not null check (quantity > 0),
    until      timestamptz not null,
    primary key (account_id, owner_id, ticket_id)
);
-- the count: the live rows of one event, from now on
create index ticket_takes_count_idx on ticket_takes (account_id, event_id, until);

alter table ticket_takes enable row level security;
alter table ticket_takes force row level security;
create policy tenant_isolation on ticket_takes
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));

-- A hold's rows as they must be now (after the rare changes: a line changed or removed): its lines while it is active,
-- nothing once converted or released.
create function ticket_takes_of_hold(p_account uuid, p_hold uuid) returns void language plpgsql as $$
begin
    delete from ticket_takes where account_id = p_account and owner_id = p_hold;
    insert into ticket_takes (account_id, owner_id, ticket_id, event_id, kind, quantity, until)
    select h.account_id, h.id, l.ticket_id, h.event_id, 'held', sum(l.quantity), h.expires_at
    from holds h
    join hold_lines l on l.account_id = h.account_id and l.hold_id = h.id
    where h.account_id = p_account and h.id = p_hold and h.status = 'active'
    group by h.account_id, h.id, l.ticket_id, h.event_id, h.expires_at;
end
$$;

-- An order's rows as they must be now (after the rare changes: a ticket cancelled, moved or removed): its valid
-- tickets while it is pending, nothing once paid, cancelled or expired.
create function ticket_takes_of_order(p_account uuid, p_order uuid) returns void language plpgsql as $$
begin
    delete from ticket_takes where account_id = p_account and owner_id = p_order;
    insert into ticket_takes (account_id, owner_id, ticket_id, event_id, kind, quantity, until)
    select o.account_id, o.id, a.ticket_id, o.event_id, 'pending', count(*),
           coalesce(o.payment_deadline, 'infinity')
    from orders o
    join attendees a on a.account_id = o.account_id and a.order_id = o.id and a.status = 'valid'
    where o.account_id = p_account and o.id = p_order and o.status = 'pending'
    group by o.account_id, o.id, a.ticket_id, o.event_id, o.payment_deadline;
end
$$;

-- The triggers below do the usual case in one statement each (each statement in a trigger is a whole executor run,
-- and a sale fires about a dozen of them): a new hold or order adds what is already written of it (usually nothing:
-- its lines or tickets come next and add themselves), a hold or order that stops being live drops its rows.
create function holds_ticket_takes() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from ticket_takes where account_id = old.account_id and owner_id = old.id;
    end if;
    if new.status = 'active' then
        insert into ticket_takes (account_id, owner_id, ticket_id, event_id, kind, quantity, until)
        select new.account_id, new.id, l.ticket_id, new.event_id, 'held', sum(l.quantity), new.expires_at
        from hold_lines l
        where l.account_id = new.account_id and l.hold_id = new.id
        group by l.ticket_id;
    end if;
    return null;
end
$$;

create trigger holds_ticket_takes after insert on holds
    for each row execute function holds_ticket_takes();
create trigger holds_ticket_takes_change after update of status, expires_at on holds
    for each row when (old.status is distinct from new.status or old.expires_at is distinct from new.expires_at)
    execute function holds_ticket_takes();

-- a line added to an active hold is added to its row (the usual case: one insert per ticket type of a new hold);
-- anything else recomputes the hold's rows
create function hold_lines_ticket_takes() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into ticket_takes (account_id, owner_id, ticket_id, event_id, kind, quantity, until)
        select h.account_id, h.id, new.ticket_id, h.event_id, 'held', new.quantity, h.expires_at
        from holds h
        where h.account_id = new.account_id and h.id = new.hold_id and h.status = 'active'
        on conflict (account_id, owner_id, ticket_id)
            do update set quantity = ticket_takes.quantity + excluded.quantity;
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform ticket_takes_of_hold(old.account_id, old.hold_id);
    end if;
    if tg_op = 'UPDATE' and new.hold_id is distinct from old.hold_id then
        perform ticket_takes_of_hold(new.account_id, new.hold_id);
    end if;
    return null;
end
$$;

create trigger hold_lines_ticket_takes after insert or update of hold_id, ticket_id, quantity or delete on hold_lines
    for each row execute function hold_lines_ticket_takes();

create function orders_ticket_takes() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from ticket_takes where account_id = old.account_id and owner_id = old.id;
    end if;
    if new.status = 'pending' then
        insert into ticket_takes (account_id, owner_id, ticket_id, event_id, kind, quantity, until)
        select new.account_id, new.id, a.ticket_id, new.event_id, 'pending', count(*),
               coalesce(new.payment_deadline, 'infinity')
        from attendees a
        where a.account_id = new.account_id and a.order_id = new.id and a.status = 'valid'
        group by a.ticket_id;
    end if;
    return null;
end
$$;

create trigger orders_ticket_takes after insert on orders
    for each row execute function orders_ticket_takes();
create trigger orders_ticket_takes_change after update of status, payment_deadline on orders
    for each row when (old.status is distinct from new.status
                       or old.payment_deadline is distinct from new.payment_deadline)
    execute function orders_ticket_takes();

-- a valid ticket added to a pending order is added to its row (the usual case); anything else recomputes the
-- order's rows
create function attendees_ticket_takes() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status = 'valid' then
            insert into ticket_takes (account_id, owner_id, ticket_id, event_id, kind, quantity, until)
            select o.account_id, o.id, new.ticket_id, o.event_id, 'pending', 1,
                   coalesce(o.payment_deadline, 'infinity')
            from orders o
            where o.account_id = new.account_id and o.id = new.order_id and o.status = 'pending'
            on conflict (account_id, owner_id, ticket_id)
                do update set quantity = ticket_takes.quantity + excluded.quantity;
        end if;
        return null;
    end if;
    perform ticket_takes_of_order(old.account_id, old.order_id);
    if tg_op = 'UPDATE' and new.order_id is distinct from old.order_id then
        perform ticket_takes_of_order(new.account_id, new.order_id);
    end if;
    return null;
end
$$;

create trigger attendees_ticket_takes after insert or update of status, ticket_id, order_id or delete on attendees
    for each row execute function attendees_ticket_takes();

-- What is live today, and tickets.sold_count again. Migrations run as the owner role, which forced row level
-- security applies to like any other role: with no account bound, V12's own fill of sold_count saw no rows and
-- changed nothing, so a database that already had sales before V12 counted them as unsold. For these statements the
-- owner reads and writes past the policies (no force), then they are forced again, all in this transaction.
alter table tickets no force row level security;
alter table holds no force row level security;
alter table hold_lines no force row level security;
alter table orders no force row level security;
alter table attendees no force row level security;
alter table ticket_takes no force row level security;

update tickets t
set sold_count = (select count(*)
                  from attendees a join orders o on o.account_id = a.account_id and o.id = a.order_id
                  where a.account_id = t.account_id and a.ticket_id = t.id and a.status = 'valid'
                    and o.status = 'paid');

insert into ticket_takes (account_id, owner_id, ticket_id, event_id, kind, quantity, until)
select h.account_id, h.id, l.ticket_id, h.event_id, 'held', sum(l.quantity), h.expires_at
from holds h join hold_lines l on l.account_id = h.account_id and l.hold_id = h.id
where h.status = 'active' and h.expires_at > now()
group by h.account_id, h.id, l.ticket_id, h.event_id, h.expires_at;

insert into ticket_takes (account_id, owner_id, ticket_id, event_id, kind, quantity, until)
select o.account_id, o.id, a.ticket_id, o.event_id, 'pending', count(*), coalesce(o.payment_deadline, 'infinity')
from orders o join attendees a on a.account_id = o.account_id and a.order_id = o.id and a.status = 'valid'
where o.status = 'pending' and (o.payment_deadline is null or o.payment_deadline > now())
group by o.account_id, o.id, a.ticket_id, o.event_id, o.payment_deadline;

alter table tickets force row level security;
alter table holds force row level security;
alter table hold_lines force row level security;
alter table orders force row level security;
alter table attendees force row level security;
alter table ticket_takes force row level security;

-- The count, same signature as before (Inventory): what pending orders and holds take of each ticket type of an
-- event at an instant, leaving out one hold (the one being made, which the count must not count against itself).
-- Sequential scans are off for it so that a plan made while the table was small never reads the whole table later.
create or replace function live_ticket_counts(p_event uuid, p_at timestamptz, p_except_hold uuid)
    returns table (ticket_id uuid, pending bigint, held bigint)
    language plpgsql stable
    set enable_seqscan = off
    set enable_hashjoin = off
    set enable_mergejoin = off
    set plan_cache_mode = auto
as $$
#variable_conflict use_column
begin
    return query
    select t.ticket_id,
           coalesce(sum(t.quantity) filter (where t.kind = 'pending'), 0)::bigint,
           coalesce(sum(t.quantity) filter (where t.kind = 'held'), 0)::bigint
    from ticket_takes t
    where t.event_id = p_event and t.until > p_at and t.owner_id is distinct from p_except_hold
    group by t.ticket_id;
end
$$;
