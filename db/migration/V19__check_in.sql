-- Why: check-in at the door (issue 14). Staff scan tickets against a check-in list of an event (which ticket types
-- it admits, whether unpaid orders may enter, entry only or entry and exit, an active window); every scan attempt is
-- kept (failures too: fraud review and disputes), and a scan's client nonce makes a retried request return the first
-- answer. Kiosk devices get a revocable link for one event and list, without a personal account.
-- check_ins (V1) stays the history of entries and exits; it gains its list, the device, and "undone".

create table checkin_lists (
    id            uuid        primary key,
    account_id    uuid        not null references accounts (id) deferrable initially deferred,
    event_id      uuid        not null,
    name          text        not null check (name <> '' and length(name) <= 120),
    -- null: every ticket type of the event, also those added later
    ticket_ids    uuid[],
    -- unpaid orders (bank transfer, pay at the door) may enter; permitted staff can mark them paid at the door
    admit_pending boolean     not null default false,
    -- once: one entry per ticket; in_out: exits are scanned and re-entry is allowed; in_out_final: no re-entry
    mode          text        not null default 'once' check (mode in ('once', 'in_out', 'in_out_final')),
    active_from   timestamptz,
    active_until  timestamptz,
    is_default    boolean     not null default false,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint checkin_lists_account_id_id_key unique (account_id, id),
    constraint checkin_lists_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred,
    constraint checkin_lists_window_check check (active_from is null or active_until is null or active_until > active_from)
);
create index checkin_lists_account_id_event_id_idx on checkin_lists (account_id, event_id);
create unique index checkin_lists_one_default_idx on checkin_lists (account_id, event_id) where is_default;

-- A kiosk or phone at a door, signed in by a link instead of a personal account: valid for one list (so one event)
-- until it expires or is revoked. The link's token is kept as its SHA-256 hex only.
create table checkin_devices (
    id           uuid        primary key,
    account_id   uuid        not null references accounts (id) deferrable initially deferred,
    event_id     uuid        not null,
    list_id      uuid        not null,
    name         text        not null check (name <> '' and length(name) <= 80),
    token_hash   text        not null check (token_hash ~ '^[0-9a-f]{64}$'),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    created_by   uuid        references users (id) deferrable initially deferred,
    last_seen_at timestamptz,
    created_at   timestamptz not null default now(),
    constraint checkin_devices_account_id_id_key unique (account_id, id),
    constraint checkin_devices_token_hash_key unique (token_hash),
    constraint checkin_devices_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred,
    constraint checkin_devices_list_fkey foreign key (account_id, list_id) references checkin_lists (account_id, id) deferrable initially deferred
);
create index checkin_devices_account_id_event_id_idx on checkin_devices (account_id, event_id);

-- Every scan attempt with the answer it got. The nonce is unique per account: a retried request (flaky Wi-Fi) finds
-- its first answer here instead of being told "already checked in". Append-only history like audit_log: no foreign
-- keys besides account_id (an attempt outlives what it names, and a scan is one more row at the door's busiest
-- moment, so it spares the key checks); the account's row level security keeps it to its account.
create table checkin_scans (
    id          uuid        primary key,
    account_id  uuid        not null references accounts (id) deferrable initially deferred,
    event_id    uuid        not null,
    list_id     uuid        not null,
    nonce       text        not null check (nonce <> '' and length(nonce) <= 100),
    input       text        not null check (length(input) <= 200),
    attendee_id uuid,
    direction   text        not null check (direction in ('in', 'out')),
    result      text        not null check (result in ('admitted', 'exited', 'refused')),
    reason      text,
    answer      jsonb       not null default '{}',
    gate        text        check (length(gate) <= 80),
    device_id   uuid,
    user_id     uuid,
    scanned_at  timestamptz not null default now(), -- when the scan happened (an offline scan uploads later)
    offline     boolean     not null default false,  -- made by a kiosk without network, answered from its own list
    created_at  timestamptz not null default now(),
    constraint checkin_scans_account_id_id_key unique (account_id, id),
    constraint checkin_scans_account_id_nonce_key unique (account_id, nonce)
);
create index checkin_scans_account_id_event_id_created_at_idx on checkin_scans (account_id, event_id, created_at desc);

alter table check_ins add column list_id uuid;
alter table check_ins add column device_id uuid;
alter table check_ins add column undone_at timestamptz;
alter table check_ins add column undone_by uuid references users (id) deferrable initially deferred;
-- list_id and device_id get no foreign keys: every scan at every door would key-share-lock the same list and device
-- rows at commit (multixacts on the busiest rows of the night); both come from rows the scan read under row level
-- security in the same transaction, and check_ins is a history like audit_log.
-- a ticket's last movement on a list (the scan reads it under the attendee's row lock), and the counts of a list
create index check_ins_account_id_list_id_attendee_id_idx on check_ins (account_id, list_id, attendee_id, created_at desc);

alter table checkin_lists enable row level security;
alter table checkin_lists force row level security;
create policy tenant_isolation on checkin_lists
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));
alter table checkin_devices enable row level security;
alter table checkin_devices force row level security;
create policy tenant_isolation on checkin_devices
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));
alter table checkin_scans enable row level security;
alter table checkin_scans force row level security;
create policy tenant_isolation on checkin_scans
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));

-- Every event has a list admitting all its ticket types, so a small organizer needs no set-up: made with the event
-- (a trigger, so copies and series get one too), in the event's transaction as the role that writes the event.
create function checkin_default_list() returns trigger language plpgsql as $$
begin
    insert into checkin_lists (id, account_id, event_id, name, is_default)
    values (gen_random_uuid(), new.account_id, new.id, 'All tickets', true);
    return null;
end $$;
create trigger events_checkin_default_list after insert on events
    for each row execute function checkin_default_list();

-- The events that exist already get theirs here. The owner runs migrations and forced row level security would hide
-- every row from it (V12's lesson), so the policies are lifted for this transaction only.
alter table events no force row level security;
alter table checkin_lists no force row level security;
alter table check_ins no force row level security;
insert into checkin_lists (id, account_id, event_id, name, is_default)
select gen_random_uuid(), e.account_id, e.id, 'All tickets', true from events e;
update check_ins c set list_id = l.id
from checkin_lists l where l.account_id = c.account_id and l.event_id = c.event_id and l.is_default;
-- the new rows' deferred key checks now, not at commit: a table with pending checks cannot be altered
set constraints all immediate;
alter table events force row level security;
alter table checkin_lists force row level security;
alter table check_ins force row level security;
