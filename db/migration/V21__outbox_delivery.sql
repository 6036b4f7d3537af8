-- Why: the outbox (V1) was written by nothing; transactional email rode an in-memory queue, so a restart right
-- after a paid order lost its confirmation. Now every transactional email (and later every webhook and
-- notification) is an outbox row written in the business action's own transaction, and workers deliver the rows
-- after the commit: at least once, each row by one worker at a time (claimed with FOR UPDATE SKIP LOCKED and a
-- lease), retried with a growing delay, and set aside as 'dead' after too many failures (docs/architecture.md,
-- "The outbox").
--
-- A row is one delivery: the consumer that handles it ('mail' now) and the business action it comes from (topic,
-- and the audit entry when the action has one). Actions of a user that belong to no account (a password reset, an
-- email verification) write rows without an account: the policy lets a transaction with no account bound see
-- exactly those, and a transaction bound to an account exactly that account's rows, as before.
alter table outbox alter column account_id drop not null;
alter table outbox alter column audit_id drop not null;
alter table outbox add column consumer text not null default 'mail' check (consumer <> '');
alter table outbox alter column consumer drop default;
alter table outbox add column status text not null default 'pending' check (status in ('pending', 'done', 'dead'));
-- a claimed row is not claimed again before this time: the worker that claimed it is delivering it (or crashed)
alter table outbox add column locked_until timestamptz;

drop index outbox_pending_idx;
-- the rows still to deliver and the dead ones (rows without an account too): what claims and counts read
create index outbox_open_idx on outbox (account_id, available_at) where status <> 'done';
-- the delivered rows, by when: what the purge deletes
create index outbox_done_idx on outbox (account_id, processed_at) where status = 'done';

alter policy tenant_isolation on outbox
    using (account_id is not distinct from (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id is not distinct from (select nullif(current_setting('app.account_id', true), '')::uuid));

-- Claims up to p_limit due rows of every account for one worker: each is leased for p_lease_seconds and counted as
-- an attempt. Rows another worker holds are skipped (FOR UPDATE SKIP LOCKED), so two workers or two servers never
-- take one row together; a lease that ran out (its worker died) makes the row due again. Row level security stays
-- in force: the function is owned by the owner role, which reads the list of accounts (accounts' policies are not
-- forced) and binds each account in turn, exactly as a request does, and restores the caller's binding at the end.
-- Cost: one index probe per account per call (outbox_open_idx), a few milliseconds for thousands of accounts.
create function outbox_claim(p_limit integer, p_lease_seconds integer) returns setof outbox
    language plpgsql volatile security definer
    set search_path = public, pg_temp
as $$
declare
    caller  text := coalesce(current_setting('app.account_id', true), '');
    account uuid;
    claimed integer := 0;
    taken   integer;
begin
    perform set_config('app.account_id', '', true);
    return query
        update outbox o set locked_until = now() + make_interval(secs => p_lease_seconds), attempts = o.attempts + 1
        where o.id in (select x.id from outbox x
                       where x.account_id is null and x.status = 'pending' and x.available_at <= now()
                         and (x.locked_until is null or x.locked_until <= now())
                       order by x.available_at limit p_limit
                       for update skip locked)
        returning o.*;
    get diagnostics taken = row_count;
    claimed := taken;
    for account in select a.id from accounts a loop
        exit when claimed >= p_limit;
        perform set_config('app.account_id', account::text, true);
        return query
            update outbox o set locked_until = now() + make_interval(secs => p_lease_seconds), attempts = o.attempts + 1
            where o.id in (select x.id from outbox x
                           where x.account_id = account and x.status = 'pending' and x.available_at <= now()
                             and (x.locked_until is null or x.locked_until <= now())
                           order by x.available_at limit p_limit - claimed
                           for update skip locked)
            returning o.*;
        get diagnostics taken = row_count;
        claimed := claimed + taken;
    end loop;
    perform set_config('app.account_id', caller, true);
end
$$;
revoke all on function outbox_claim(integer, integer) from public;

-- What operators watch (the readiness check's data): rows waiting longer than a minute and rows given up on, over all
-- accounts; counts only, no content.
create function outbox_backlog() returns table (late bigint, dead bigint)
    language plpgsql volatile security definer
    set search_path = public, pg_temp
as $$
declare
    caller  text := coalesce(current_setting('app.account_id', true), '');
    account uuid;
    l bigint := 0;
    d bigint := 0;
    pl bigint;
    pd bigint;
begin
    for account in select null::uuid union all select a.id from accounts a loop
        perform set_config('app.account_id', coalesce(account::text, ''), true);
        select count(*) filter (where status = 'pending' and available_at < now() - interval '1 minute'),
               count(*) filter (where status = 'dead')
          into pl, pd from outbox where status <> 'done';
        l := l + pl;
        d := d + pd;
    end loop;
    perform set_config('app.account_id', caller, true);
    late := l;
    dead := d;
    return next;
end
$$;
revoke all on function outbox_backlog() from public;

-- Delivered rows are kept p_keep_days for tracing (their audit entry stays for good), then deleted; their mail content
-- is sealed with the application's key meanwhile. Returns how many rows went.
create function outbox_purge(p_keep_days integer) returns bigint
    language plpgsql volatile security definer
    set search_path = public, pg_temp
as $$
declare
    caller  text := coalesce(current_setting('app.account_id', true), '');
    account uuid;
    gone    bigint := 0;
    n       bigint;
begin
    for account in select null::uuid union all select a.id from accounts a loop
        perform set_config('app.account_id', coalesce(account::text, ''), true);
        delete from outbox where status = 'done' and processed_at < now() - make_interval(days => p_keep_days);
        get diagnostics n = row_count;
        gone := gone + n;
    end loop;
    perform set_config('app.account_id', caller, true);
    return gone;
end
$$;
revoke all on function outbox_purge(integer) from public;
