-- Why: the checkout counts what is taken of an event under the event's sales lock (docs/architecture.md,
-- "Locking"). Counting the sold tickets from the attendees and orders rows made that count grow with every ticket
-- sold: about 8 ms at 4,000 sold, and every hold of every buyer waits for it (bench/checkout.sh). What is sold
-- changes only with a row of orders or attendees, so PostgreSQL keeps the number itself, per ticket type, in the
-- same transaction as the change: tickets.sold_count = valid attendees of paid orders. Pending payments and holds
-- expire with time, so they are still counted from their rows, through partial indexes that hold only the live ones.
-- The triggers run as the role that changes the row (the application role, its account bound), so row level
-- security applies to their updates as to any other; they read the order's current status, so the result is the
-- same whichever of an order and its attendees is written first in a transaction.

alter table tickets add column sold_count integer not null default 0 check (sold_count >= 0);

update tickets t set sold_count = s.sold
from (select a.account_id, a.ticket_id, count(*) as sold
      from attendees a join orders o on o.account_id = a.account_id and o.id = a.order_id
      where a.status = 'valid' and o.status = 'paid'
      group by a.account_id, a.ticket_id) s
where t.account_id = s.account_id and t.id = s.ticket_id;

-- an order becomes paid, or stops being paid: its valid tickets count, or stop counting (ticket types in id order,
-- so two orders over the same types lock their rows in the same order)
create function orders_sold_count() returns trigger language plpgsql as $$
declare
    delta integer;
    line record;
begin
    if tg_op = 'INSERT' then
        delta := case when new.status = 'paid' then 1 else 0 end;
    else
        delta := (case when new.status = 'paid' then 1 else 0 end) - (case when old.status = 'paid' then 1 else 0 end);
    end if;
    if delta <> 0 then
        for line in select a.ticket_id, count(*) as n from attendees a
                    where a.account_id = new.account_id and a.order_id = new.id and a.status = 'valid'
                    group by a.ticket_id order by a.ticket_id
        loop
            update tickets set sold_count = sold_count + delta * line.n
            where account_id = new.account_id and id = line.ticket_id;
        end loop;
    end if;
    return null;
end
$$;

create trigger orders_sold_count after insert or update of status on orders
    for each row execute function orders_sold_count();

-- a ticket of a paid order is issued, refunded, cancelled (or removed): it counts, or stops counting
create function attendees_sold_count() returns trigger language plpgsql as $$
declare
    was integer := 0;
    now_counts integer := 0;
    paid boolean;
    row_account uuid := coalesce(new.account_id, old.account_id);
    row_order uuid := coalesce(new.order_id, old.order_id);
begin
    select o.status = 'paid' into paid from orders o where o.account_id = row_account and o.id = row_order;
    if not coalesce(paid, false) then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.status = 'valid' then
        was := 1;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status = 'valid' then
        now_counts := 1;
    end if;
    if tg_op = 'UPDATE' and old.ticket_id <> new.ticket_id then
        update tickets set sold_count = sold_count - was where account_id = row_account and id = old.ticket_id;
        update tickets set sold_count = sold_count + now_counts where account_id = row_account and id = new.ticket_id;
    elsif now_counts <> was then
        update tickets set sold_count = sold_count + now_counts - was
        where account_id = row_account and id = coalesce(new.ticket_id, old.ticket_id);
    end if;
    return null;
end
$$;

create trigger attendees_sold_count after insert or update of status, ticket_id or delete on attendees
    for each row execute function attendees_sold_count();

-- the live holds of an event, without the converted and released ones that pile up with every sale
create index holds_active_idx on holds (account_id, event_id, expires_at) where status = 'active';
