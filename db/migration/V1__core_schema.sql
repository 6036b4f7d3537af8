-- V1: the whole EventOS core schema in one migration.
--
-- Why: every feature (events, ticketing, check-in, CRM, marketing, analytics, integrations, notifications) builds on
-- these tables, and tenant isolation must be in place before the first row exists.
--
-- What, and the rules every table here follows (docs/architecture.md has the "adding a table" checklist):
-- * Global tables: accounts (the tenants) and users (people who log in). Everything else is a tenant table.
-- * Tenant tables have `account_id uuid not null references accounts(id)` and `unique (account_id, id)`, and every
--   reference to another tenant row is a composite foreign key `(account_id, x_id) -> parent (account_id, id)`,
--   so a row can never point at another account's row. `on delete cascade` only where the parent owns the child.
-- * Every foreign key is DEFERRABLE INITIALLY DEFERRED (checked at commit). Entities refer to other contexts' rows
--   (and to accounts and users) by plain UUID, so EclipseLink cannot order the inserts of one transaction by those
--   references; a deferred check makes the order irrelevant. ON DELETE CASCADE still acts immediately.
-- * Row level security is enabled AND forced on every tenant table with the `tenant_isolation` policy, comparing
--   account_id to `nullif(current_setting('app.account_id', true), '')::uuid` (the app binds it per transaction;
--   NULLIF turns the '' a pooled connection reads after the transaction into "no rows" instead of an error).
-- * Money is bigint minor units (>= 0) + ISO currency char(3); times are timestamptz; events and venues carry an
--   IANA time zone; states are lower-case text with CHECK constraints; flexible data is jsonb; no array columns.
-- * Grants to the application role live in the afterMigrate.sql callback (re-applied after every migrate).
-- This file must stay valid on PostgreSQL 14 (the embedded server) as well as 15+.

------------------------------------------------------------------------------------------------------------------------
-- Global: accounts (tenants) and users
------------------------------------------------------------------------------------------------------------------------

create table accounts (
    id                  uuid        primary key,
    slug                text        not null constraint accounts_slug_check check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                text        not null check (name <> ''),
    contact_email       text,
    default_time_zone   text        not null default 'UTC',
    default_currency    char(3)     not null default 'EUR' check (default_currency ~ '^[A-Z]{3}$'),
    logo_media_id       uuid,       -- media is a tenant table: no foreign key from a global table
    settings            jsonb       not null default '{}',
    require_2fa         boolean     not null default false,
    data_retention_days integer     check (data_retention_days > 0),
    status              text        not null default 'active' check (status in ('active', 'suspended', 'closed')),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint accounts_slug_key unique (slug)
);

create table users (
    id                 uuid        primary key,
    email              text        not null check (email <> ''),
    name               text        not null,
    password_hash      text,       -- null until the user sets a password (e.g. invited, not yet accepted)
    email_verified_at  timestamptz,
    totp_secret_enc    bytea,      -- encrypted by the application
    totp_enabled       boolean     not null default false,
    recovery_codes     jsonb       not null default '[]', -- hashed one-time codes
    failed_login_count integer     not null default 0 check (failed_login_count >= 0),
    locked_until       timestamptz,
    locale             text        not null default 'en',
    time_zone          text,       -- null: use the account's default time zone
    last_account_id    uuid        references accounts (id) on delete set null deferrable initially deferred,
    last_login_at      timestamptz,
    status             text        not null default 'active' check (status in ('active', 'disabled')),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

------------------------------------------------------------------------------------------------------------------------
-- account: memberships, invitations, the audit log (the one record of every business action) and its outbox
------------------------------------------------------------------------------------------------------------------------

create table account_users (
    id             uuid        primary key,
    account_id     uuid        not null references accounts (id) deferrable initially deferred,
    user_id        uuid        not null references users (id) deferrable initially deferred,
    role           text        not null check (role in ('owner', 'admin', 'manager', 'member', 'viewer')),
    permissions    jsonb       not null default '{}',
    event_scope    jsonb,      -- json array of event ids this member is limited to; null = all events
    status         text        not null default 'active' check (status in ('active', 'suspended')),
    last_active_at timestamptz,
    invited_by     uuid        references users (id) deferrable initially deferred,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint account_users_account_id_id_key unique (account_id, id),
    constraint account_users_account_id_user_id_key unique (account_id, user_id)
);
create index account_users_user_id_idx on account_users (user_id);

create table invitations (
    id               uuid        primary key,
    account_id       uuid        not null references accounts (id) deferrable initially deferred,
    email            text        not null check (email <> ''),
    role             text        not null check (role in ('owner', 'admin', 'manager', 'member', 'viewer')),
    token_hash       text        not null,
    expires_at       timestamptz not null,
    accepted_at      timestamptz,
    accepted_user_id uuid        references users (id) deferrable initially deferred,
    revoked_at       timestamptz,
    invited_by       uuid        references users (id) deferrable initially deferred,
    event_scope      jsonb,
    created_at       timestamptz not null default now(),
    constraint invitations_account_id_id_key unique (account_id, id),
    constraint invitations_token_hash_key unique (token_hash)
);
create index invitations_account_id_email_idx on invitations (account_id, lower(email));

-- Append-only history. It deliberately has no foreign keys besides account_id: an entry must outlive the user,
-- event or other subject it describes (subject_id is polymorphic, event_id an identifier, not a reference).
create table audit_log (
    id            uuid        primary key,
    account_id    uuid        not null references accounts (id) deferrable initially deferred,
    occurred_at   timestamptz not null default now(),
    actor_user_id uuid,
    actor_kind    text        not null check (actor_kind in ('user', 'attendee', 'system', 'api')),
    action        text        not null check (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$'), -- e.g. 'order.placed'
    subject_type  text,
    subject_id    uuid,
    event_id      uuid,
    ip            inet,
    user_agent    text,
    before        jsonb,
    after         jsonb,
    data          jsonb       not null default '{}',
    created_at    timestamptz not null default now(),
    constraint audit_log_account_id_id_key unique (account_id, id)
);
create index audit_log_account_id_occurred_at_idx on audit_log (account_id, occurred_at desc);
create index audit_log_account_id_subject_idx on audit_log (account_id, subject_type, subject_id);
create index audit_log_account_id_event_id_idx on audit_log (account_id, event_id, occurred_at desc) where event_id is not null;

-- Transactional outbox: written with the audit entry, drained by a worker (webhooks, notifications, mail).
create table outbox (
    id           uuid        primary key,
    account_id   uuid        not null references accounts (id) deferrable initially deferred,
    audit_id     uuid        not null,
    topic        text        not null check (topic <> ''),
    payload      jsonb       not null default '{}',
    created_at   timestamptz not null default now(),
    available_at timestamptz not null default now(),
    processed_at timestamptz,
    attempts     integer     not null default 0 check (attempts >= 0),
    last_error   text,
    constraint outbox_account_id_id_key unique (account_id, id),
    constraint outbox_audit_fkey foreign key (account_id, audit_id) references audit_log (account_id, id) deferrable initially deferred
);
create index outbox_account_id_audit_id_idx on outbox (account_id, audit_id);
create index outbox_pending_idx on outbox (account_id, available_at) where processed_at is null;

------------------------------------------------------------------------------------------------------------------------
-- event: media, venues and rooms, series, events, speakers, sessions (agenda)
------------------------------------------------------------------------------------------------------------------------

create table media (
    id           uuid        primary key,
    account_id   uuid        not null references accounts (id) deferrable initially deferred,
    content_type text        not null check (content_type <> ''),
    file_name    text,
    size_bytes   bigint      not null check (size_bytes >= 0),
    sha256       text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    bytes        bytea       not null,
    created_at   timestamptz not null default now(),
    constraint media_account_id_id_key unique (account_id, id),
    constraint media_size_matches_check check (size_bytes = octet_length(bytes))
);
create index media_account_id_sha256_idx on media (account_id, sha256);

create table venues (
    id                  uuid        primary key,
    account_id          uuid        not null references accounts (id) deferrable initially deferred,
    name                text        not null check (name <> ''),
    address_line1       text,
    address_line2       text,
    city                text,
    region              text,
    postal_code         text,
    country             char(2)     check (country ~ '^[A-Z]{2}$'),
    latitude            numeric(9, 6) check (latitude between -90 and 90),
    longitude           numeric(9, 6) check (longitude between -180 and 180),
    time_zone           text        not null,
    capacity            integer     check (capacity >= 0),
    accessibility_notes text,
    map_url             text,
    status              text        not null default 'active' check (status in ('active', 'archived')),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint venues_account_id_id_key unique (account_id, id)
);
create index venues_account_id_name_idx on venues (account_id, lower(name));

create table venue_rooms (
    id         uuid        primary key,
    account_id uuid        not null references accounts (id) deferrable initially deferred,
    venue_id   uuid        not null,
    name       text        not null check (name <> ''),
    capacity   integer     check (capacity >= 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint venue_rooms_account_id_id_key unique (account_id, id),
    constraint venue_rooms_account_id_venue_id_name_key unique (account_id, venue_id, name),
    constraint venue_rooms_venue_fkey foreign key (account_id, venue_id) references venues (account_id, id) on delete cascade deferrable initially deferred
);

create table event_series (
    id         uuid        primary key,
    account_id uuid        not null references accounts (id) deferrable initially deferred,
    name       text        not null check (name <> ''),
    recurrence jsonb       not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint event_series_account_id_id_key unique (account_id, id)
);

create table events (
    id               uuid        primary key,
    account_id       uuid        not null references accounts (id) deferrable initially deferred,
    venue_id         uuid,
    series_id        uuid,
    slug             text        not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name             text        not null check (name <> ''),
    summary          text,
    description_html text,
    description_text text,       -- plain text of description_html, for search and e-mails
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    time_zone        text        not null,
    format           text        not null default 'in_person' check (format in ('in_person', 'online', 'hybrid')),
    online_url       text,
    capacity         integer     check (capacity >= 0),
    cover_media_id   uuid,
    visibility       text        not null default 'public' check (visibility in ('public', 'unlisted', 'private')),
    status           text        not null default 'draft' check (status in ('draft', 'published', 'completed', 'cancelled')),
    cancel_reason    text,
    published_at     timestamptz,
    currency         char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    organizer_email  text,
    settings         jsonb       not null default '{}',
    custom_fields    jsonb       not null default '{}',
    search           tsvector    generated always as (to_tsvector('simple',
                         coalesce(name, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(description_text, ''))) stored,
    created_by       uuid        references users (id) deferrable initially deferred,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint events_account_id_id_key unique (account_id, id),
    constraint events_account_id_slug_key unique (account_id, slug),
    constraint events_time_order_check check (ends_at > starts_at),
    constraint events_venue_fkey foreign key (account_id, venue_id) references venues (account_id, id) deferrable initially deferred,
    constraint events_series_fkey foreign key (account_id, series_id) references event_series (account_id, id) deferrable initially deferred,
    constraint events_cover_media_fkey foreign key (account_id, cover_media_id) references media (account_id, id) deferrable initially deferred
);
create index events_account_id_starts_at_idx on events (account_id, starts_at);
create index events_account_id_status_starts_at_idx on events (account_id, status, starts_at);
create index events_account_id_venue_id_idx on events (account_id, venue_id) where venue_id is not null;
create index events_account_id_series_id_idx on events (account_id, series_id) where series_id is not null;
create index events_search_idx on events using gin (search);

create table speakers (
    id             uuid        primary key,
    account_id     uuid        not null references accounts (id) deferrable initially deferred,
    event_id       uuid        not null,
    name           text        not null check (name <> ''),
    company        text,
    job_title      text,
    bio            text,
    photo_media_id uuid,
    sort_order     integer     not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint speakers_account_id_id_key unique (account_id, id),
    constraint speakers_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred,
    constraint speakers_photo_media_fkey foreign key (account_id, photo_media_id) references media (account_id, id) deferrable initially deferred
);
create index speakers_account_id_event_id_idx on speakers (account_id, event_id, sort_order);

create table sessions (
    id          uuid        primary key,
    account_id  uuid        not null references accounts (id) deferrable initially deferred,
    event_id    uuid        not null,
    title       text        not null check (title <> ''),
    description text,
    kind        text        not null default 'talk' check (kind in ('talk', 'workshop', 'keynote', 'break', 'other')),
    track       text,
    room_id     uuid,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    capacity    integer     check (capacity >= 0),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint sessions_account_id_id_key unique (account_id, id),
    constraint sessions_time_order_check check (ends_at > starts_at),
    constraint sessions_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred,
    constraint sessions_room_fkey foreign key (account_id, room_id) references venue_rooms (account_id, id) deferrable initially deferred
);
create index sessions_account_id_event_id_starts_at_idx on sessions (account_id, event_id, starts_at);
create index sessions_account_id_room_id_idx on sessions (account_id, room_id, starts_at) where room_id is not null;

create table session_speakers (
    id         uuid        primary key,
    account_id uuid        not null references accounts (id) deferrable initially deferred,
    session_id uuid        not null,
    speaker_id uuid        not null,
    created_at timestamptz not null default now(),
    constraint session_speakers_account_id_id_key unique (account_id, id),
    constraint session_speakers_account_id_session_id_speaker_id_key unique (account_id, session_id, speaker_id),
    constraint session_speakers_session_fkey foreign key (account_id, session_id) references sessions (account_id, id) on delete cascade deferrable initially deferred,
    constraint session_speakers_speaker_fkey foreign key (account_id, speaker_id) references speakers (account_id, id) on delete cascade deferrable initially deferred
);
create index session_speakers_account_id_speaker_id_idx on session_speakers (account_id, speaker_id);

------------------------------------------------------------------------------------------------------------------------
-- ticketing: capacity groups, tickets (= ticket types), promo codes, holds, (crm contacts), orders, payments, attendees
------------------------------------------------------------------------------------------------------------------------

-- Shared capacity across several ticket types (e.g. "early bird" and "regular" share 500 seats).
create table capacity_groups (
    id         uuid        primary key,
    account_id uuid        not null references accounts (id) deferrable initially deferred,
    event_id   uuid        not null,
    name       text        not null check (name <> ''),
    capacity   integer     not null check (capacity >= 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint capacity_groups_account_id_id_key unique (account_id, id),
    constraint capacity_groups_account_id_event_id_name_key unique (account_id, event_id, name),
    constraint capacity_groups_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred
);

create table tickets (
    id                uuid        primary key,
    account_id        uuid        not null references accounts (id) deferrable initially deferred,
    event_id          uuid        not null,
    capacity_group_id uuid,
    name              text        not null check (name <> ''),
    description       text,
    price_minor       bigint      not null default 0 check (price_minor >= 0),
    currency          char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    quantity          integer     check (quantity >= 0), -- null = unlimited
    sales_start       timestamptz,
    sales_end         timestamptz,
    min_per_order     integer     not null default 1 check (min_per_order >= 1),
    max_per_order     integer     not null default 10,
    visibility        text        not null default 'visible' check (visibility in ('visible', 'hidden')),
    sort_order        integer     not null default 0,
    paused            boolean     not null default false,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint tickets_account_id_id_key unique (account_id, id),
    constraint tickets_per_order_check check (min_per_order <= max_per_order),
    constraint tickets_sales_window_check check (sales_end is null or sales_start is null or sales_end > sales_start),
    constraint tickets_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred,
    constraint tickets_capacity_group_fkey foreign key (account_id, capacity_group_id) references capacity_groups (account_id, id) deferrable initially deferred
);
create index tickets_account_id_event_id_idx on tickets (account_id, event_id, sort_order);
create index tickets_account_id_capacity_group_id_idx on tickets (account_id, capacity_group_id) where capacity_group_id is not null;

create table promo_codes (
    id               uuid        primary key,
    account_id       uuid        not null references accounts (id) deferrable initially deferred,
    event_id         uuid        not null,
    code             text        not null check (code <> ''),
    kind             text        not null check (kind in ('percent', 'fixed', 'unlock')),
    percent_off      integer     check (percent_off between 1 and 100),
    amount_off_minor bigint      check (amount_off_minor >= 0),
    usage_limit      integer     check (usage_limit >= 0),
    per_order_limit  integer     check (per_order_limit >= 1),
    valid_from       timestamptz,
    valid_until      timestamptz,
    applies_to       jsonb,      -- json array of ticket ids; null = every ticket of the event
    used_count       integer     not null default 0 check (used_count >= 0),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint promo_codes_account_id_id_key unique (account_id, id),
    constraint promo_codes_percent_check check (kind <> 'percent' or percent_off is not null),
    constraint promo_codes_fixed_check check (kind <> 'fixed' or amount_off_minor is not null),
    constraint promo_codes_validity_check check (valid_until is null or valid_from is null or valid_until > valid_from),
    constraint promo_codes_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred
);
create unique index promo_codes_account_id_event_id_code_key on promo_codes (account_id, event_id, lower(code));

-- A checkout's reservation: counts against capacity until expires_at (no cleanup job needed for correctness).
create table holds (
    id            uuid        primary key,
    account_id    uuid        not null references accounts (id) deferrable initially deferred,
    event_id      uuid        not null,
    token         text        not null,
    expires_at    timestamptz not null,
    promo_code_id uuid,
    status        text        not null default 'active' check (status in ('active', 'converted', 'released')),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint holds_account_id_id_key unique (account_id, id),
    constraint holds_token_key unique (token),
    constraint holds_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred,
    constraint holds_promo_code_fkey foreign key (account_id, promo_code_id) references promo_codes (account_id, id) deferrable initially deferred
);
create index holds_account_id_event_id_expires_at_idx on holds (account_id, event_id, expires_at);

create table hold_lines (
    id         uuid        primary key,
    account_id uuid        not null references accounts (id) deferrable initially deferred,
    hold_id    uuid        not null,
    ticket_id  uuid        not null,
    quantity   integer     not null check (quantity > 0),
    created_at timestamptz not null default now(),
    constraint hold_lines_account_id_id_key unique (account_id, id),
    constraint hold_lines_account_id_hold_id_ticket_id_key unique (account_id, hold_id, ticket_id),
    constraint hold_lines_hold_fkey foreign key (account_id, hold_id) references holds (account_id, id) on delete cascade deferrable initially deferred,
    constraint hold_lines_ticket_fkey foreign key (account_id, ticket_id) references tickets (account_id, id) deferrable initially deferred
);
create index hold_lines_account_id_ticket_id_idx on hold_lines (account_id, ticket_id);

------------------------------------------------------------------------------------------------------------------------
-- crm: contacts (created before orders and attendees, which reference them) and activities (further below)
------------------------------------------------------------------------------------------------------------------------

create table contacts (
    id                   uuid        primary key,
    account_id           uuid        not null references accounts (id) deferrable initially deferred,
    email                text,
    first_name           text,
    last_name            text,
    phone                text,
    company              text,
    job_title            text,
    tags                 jsonb       not null default '[]',
    custom_fields        jsonb       not null default '{}',
    marketing_consent    boolean     not null default false,
    marketing_consent_at timestamptz,
    consent_source       text,
    unsubscribed_at      timestamptz,
    source               text,       -- e.g. 'order', 'import', 'manual', 'api'
    owner_user_id        uuid        references users (id) deferrable initially deferred,
    last_activity_at     timestamptz,
    erased_at            timestamptz, -- GDPR erasure: personal fields cleared, row kept for the order history
    search               tsvector    generated always as (to_tsvector('simple',
                             coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' ||
                             coalesce(company, '') || ' ' || coalesce(job_title, ''))) stored,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint contacts_account_id_id_key unique (account_id, id)
);
create unique index contacts_account_id_email_key on contacts (account_id, lower(email)) where email is not null;
create index contacts_account_id_last_activity_at_idx on contacts (account_id, last_activity_at desc nulls last);
create index contacts_account_id_name_idx on contacts (account_id, lower(last_name), lower(first_name));
create index contacts_search_idx on contacts using gin (search);
create index contacts_tags_idx on contacts using gin (tags jsonb_path_ops);

------------------------------------------------------------------------------------------------------------------------
-- ticketing (continued): orders are never deleted
------------------------------------------------------------------------------------------------------------------------

create table orders (
    id                   uuid        primary key,
    account_id           uuid        not null references accounts (id) deferrable initially deferred,
    event_id             uuid        not null,
    code                 text        not null check (code <> ''), -- short human code, unique per account
    access_token_hash    text        not null,                    -- hash of the private order-page token
    buyer_name           text        not null,
    buyer_email          text        not null,
    buyer_contact_id     uuid,
    status               text        not null default 'pending' check (status in ('pending', 'paid', 'cancelled', 'expired')),
    payment_provider     text,
    payment_deadline     timestamptz,
    subtotal_minor       bigint      not null default 0 check (subtotal_minor >= 0),
    discount_minor       bigint      not null default 0 check (discount_minor >= 0),
    total_minor          bigint      not null default 0 check (total_minor >= 0),
    refunded_minor       bigint      not null default 0 check (refunded_minor >= 0),
    currency             char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    promo_code_id        uuid,
    hold_id              uuid,
    marketing_consent    boolean     not null default false,
    marketing_consent_at timestamptz,
    idempotency_key      text,
    locale               text,
    internal_note        text,
    placed_at            timestamptz not null default now(),
    paid_at              timestamptz,
    cancelled_at         timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint orders_account_id_id_key unique (account_id, id),
    constraint orders_account_id_code_key unique (account_id, code),
    constraint orders_access_token_hash_key unique (access_token_hash),
    constraint orders_account_id_idempotency_key_key unique (account_id, idempotency_key),
    constraint orders_discount_check check (discount_minor <= subtotal_minor),
    constraint orders_refund_check check (refunded_minor <= total_minor),
    constraint orders_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred,
    constraint orders_buyer_contact_fkey foreign key (account_id, buyer_contact_id) references contacts (account_id, id) deferrable initially deferred,
    constraint orders_promo_code_fkey foreign key (account_id, promo_code_id) references promo_codes (account_id, id) deferrable initially deferred,
    constraint orders_hold_fkey foreign key (account_id, hold_id) references holds (account_id, id) deferrable initially deferred
);
create index orders_account_id_event_id_created_at_idx on orders (account_id, event_id, created_at);
create index orders_account_id_created_at_idx on orders (account_id, created_at desc);
create index orders_account_id_buyer_email_idx on orders (account_id, lower(buyer_email));
create index orders_account_id_buyer_contact_id_idx on orders (account_id, buyer_contact_id) where buyer_contact_id is not null;
create index orders_account_id_promo_code_id_idx on orders (account_id, promo_code_id) where promo_code_id is not null;
create index orders_account_id_hold_id_idx on orders (account_id, hold_id) where hold_id is not null;
create index orders_pending_deadline_idx on orders (account_id, event_id, payment_deadline) where status = 'pending';

create table order_lines (
    id               uuid        primary key,
    account_id       uuid        not null references accounts (id) deferrable initially deferred,
    order_id         uuid        not null,
    ticket_id        uuid        not null,
    quantity         integer     not null check (quantity > 0),
    unit_price_minor bigint      not null check (unit_price_minor >= 0),
    discount_minor   bigint      not null default 0 check (discount_minor >= 0),
    total_minor      bigint      not null check (total_minor >= 0),
    created_at       timestamptz not null default now(),
    constraint order_lines_account_id_id_key unique (account_id, id),
    constraint order_lines_order_fkey foreign key (account_id, order_id) references orders (account_id, id) on delete cascade deferrable initially deferred,
    constraint order_lines_ticket_fkey foreign key (account_id, ticket_id) references tickets (account_id, id) deferrable initially deferred
);
create index order_lines_account_id_order_id_idx on order_lines (account_id, order_id);
create index order_lines_account_id_ticket_id_idx on order_lines (account_id, ticket_id);

create table payments (
    id             uuid        primary key,
    account_id     uuid        not null references accounts (id) deferrable initially deferred,
    order_id       uuid        not null,
    provider       text        not null check (provider <> ''),
    provider_ref   text,
    kind           text        not null default 'charge' check (kind in ('charge', 'refund')),
    status         text        not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
    amount_minor   bigint      not null check (amount_minor >= 0),
    currency       char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    failure_reason text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint payments_account_id_id_key unique (account_id, id),
    constraint payments_order_fkey foreign key (account_id, order_id) references orders (account_id, id) deferrable initially deferred
);
create index payments_account_id_order_id_idx on payments (account_id, order_id, created_at);
create unique index payments_provider_ref_key on payments (account_id, provider, provider_ref) where provider_ref is not null;

-- One row per issued ticket; `code` is the unguessable value in the QR code.
create table attendees (
    id            uuid        primary key,
    account_id    uuid        not null references accounts (id) deferrable initially deferred,
    event_id      uuid        not null,
    order_id      uuid        not null,
    order_line_id uuid        not null,
    ticket_id     uuid        not null,
    contact_id    uuid,
    code          text        not null,
    first_name    text,
    last_name     text,
    email         text,
    status        text        not null default 'valid' check (status in ('valid', 'cancelled', 'refunded')),
    answers       jsonb       not null default '{}',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint attendees_account_id_id_key unique (account_id, id),
    constraint attendees_code_key unique (code),
    constraint attendees_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred,
    constraint attendees_order_fkey foreign key (account_id, order_id) references orders (account_id, id) deferrable initially deferred,
    constraint attendees_order_line_fkey foreign key (account_id, order_line_id) references order_lines (account_id, id) deferrable initially deferred,
    constraint attendees_ticket_fkey foreign key (account_id, ticket_id) references tickets (account_id, id) deferrable initially deferred,
    constraint attendees_contact_fkey foreign key (account_id, contact_id) references contacts (account_id, id) deferrable initially deferred
);
create index attendees_account_id_event_id_idx on attendees (account_id, event_id);
create index attendees_account_id_event_id_name_idx on attendees (account_id, event_id, lower(last_name), lower(first_name));
create index attendees_account_id_order_id_idx on attendees (account_id, order_id);
create index attendees_account_id_order_line_id_idx on attendees (account_id, order_line_id);
create index attendees_account_id_ticket_id_idx on attendees (account_id, ticket_id);
create index attendees_account_id_contact_id_idx on attendees (account_id, contact_id) where contact_id is not null;
create index attendees_account_id_email_idx on attendees (account_id, lower(email)) where email is not null;

------------------------------------------------------------------------------------------------------------------------
-- checkin: entries and exits (history, not a boolean); the nonce makes a retried scan idempotent
------------------------------------------------------------------------------------------------------------------------

create table check_ins (
    id          uuid        primary key,
    account_id  uuid        not null references accounts (id) deferrable initially deferred,
    attendee_id uuid        not null,
    event_id    uuid        not null,
    direction   text        not null default 'in' check (direction in ('in', 'out')),
    nonce       text        not null check (nonce <> ''),
    gate        text,
    device      text,
    user_id     uuid        references users (id) deferrable initially deferred,
    created_at  timestamptz not null default now(),
    constraint check_ins_account_id_id_key unique (account_id, id),
    constraint check_ins_account_id_nonce_key unique (account_id, nonce),
    constraint check_ins_attendee_fkey foreign key (account_id, attendee_id) references attendees (account_id, id) deferrable initially deferred,
    constraint check_ins_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred
);
create index check_ins_account_id_attendee_id_created_at_idx on check_ins (account_id, attendee_id, created_at);
create index check_ins_account_id_event_id_created_at_idx on check_ins (account_id, event_id, created_at);

------------------------------------------------------------------------------------------------------------------------
-- crm (continued): the activity timeline of a contact
------------------------------------------------------------------------------------------------------------------------

create table activities (
    id            uuid        primary key,
    account_id    uuid        not null references accounts (id) deferrable initially deferred,
    contact_id    uuid        not null,
    kind          text        not null check (kind in ('order_placed', 'order_paid', 'order_cancelled', 'ticket_checked_in',
                                  'email_sent', 'email_opened', 'email_clicked', 'unsubscribed',
                                  'note', 'call', 'meeting', 'task', 'other')),
    subject       text,
    body          text,
    occurred_at   timestamptz not null default now(),
    actor_user_id uuid        references users (id) deferrable initially deferred,
    audit_id      uuid,
    event_id      uuid,
    data          jsonb       not null default '{}',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint activities_account_id_id_key unique (account_id, id),
    constraint activities_contact_fkey foreign key (account_id, contact_id) references contacts (account_id, id) deferrable initially deferred,
    constraint activities_audit_fkey foreign key (account_id, audit_id) references audit_log (account_id, id) deferrable initially deferred,
    constraint activities_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred
);
create index activities_account_id_contact_id_occurred_at_idx on activities (account_id, contact_id, occurred_at desc);
create index activities_account_id_occurred_at_idx on activities (account_id, occurred_at desc);
create index activities_account_id_audit_id_idx on activities (account_id, audit_id) where audit_id is not null;
create index activities_account_id_event_id_idx on activities (account_id, event_id) where event_id is not null;

------------------------------------------------------------------------------------------------------------------------
-- marketing: campaigns and one delivery per recipient
------------------------------------------------------------------------------------------------------------------------

create table campaigns (
    id                 uuid        primary key,
    account_id         uuid        not null references accounts (id) deferrable initially deferred,
    name               text        not null check (name <> ''),
    subject            text,
    from_name          text,
    reply_to           text,
    body_html          text,
    body_text          text,
    segment            jsonb       not null default '{}',
    event_id           uuid,
    status             text        not null default 'draft' check (status in ('draft', 'scheduled', 'sending', 'sent', 'cancelled')),
    scheduled_at       timestamptz,
    sent_at            timestamptz,
    recipients_count   integer     not null default 0 check (recipients_count >= 0),
    sent_count         integer     not null default 0 check (sent_count >= 0),
    opened_count       integer     not null default 0 check (opened_count >= 0),
    clicked_count      integer     not null default 0 check (clicked_count >= 0),
    bounced_count      integer     not null default 0 check (bounced_count >= 0),
    unsubscribed_count integer     not null default 0 check (unsubscribed_count >= 0),
    created_by         uuid        references users (id) deferrable initially deferred,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint campaigns_account_id_id_key unique (account_id, id),
    constraint campaigns_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred
);
create index campaigns_account_id_created_at_idx on campaigns (account_id, created_at desc);
create index campaigns_account_id_event_id_idx on campaigns (account_id, event_id) where event_id is not null;
create index campaigns_scheduled_idx on campaigns (account_id, scheduled_at) where status = 'scheduled';

create table campaign_deliveries (
    id              uuid        primary key,
    account_id      uuid        not null references accounts (id) deferrable initially deferred,
    campaign_id     uuid        not null,
    contact_id      uuid        not null,
    email           text        not null,
    token           text        not null, -- unguessable, used in tracking and unsubscribe links
    status          text        not null default 'queued' check (status in ('queued', 'sent', 'failed', 'bounced')),
    sent_at         timestamptz,
    opened_at       timestamptz,
    clicked_at      timestamptz,
    unsubscribed_at timestamptz,
    bounced_at      timestamptz,
    error           text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint campaign_deliveries_account_id_id_key unique (account_id, id),
    constraint campaign_deliveries_token_key unique (token),
    constraint campaign_deliveries_account_id_campaign_id_contact_id_key unique (account_id, campaign_id, contact_id),
    constraint campaign_deliveries_campaign_fkey foreign key (account_id, campaign_id) references campaigns (account_id, id) deferrable initially deferred,
    constraint campaign_deliveries_contact_fkey foreign key (account_id, contact_id) references contacts (account_id, id) deferrable initially deferred
);
create index campaign_deliveries_account_id_campaign_id_status_idx on campaign_deliveries (account_id, campaign_id, status);
create index campaign_deliveries_account_id_contact_id_idx on campaign_deliveries (account_id, contact_id);

------------------------------------------------------------------------------------------------------------------------
-- analytics: tracked facts (granularity 'fact') and hourly/daily rollups
------------------------------------------------------------------------------------------------------------------------

create table analytics (
    id           uuid        primary key,
    account_id   uuid        not null references accounts (id) deferrable initially deferred,
    event_id     uuid,
    metric       text        not null check (metric ~ '^[a-z][a-z0-9_.]*$'), -- e.g. 'page_view', 'order_placed'
    granularity  text        not null default 'fact' check (granularity in ('fact', 'hour', 'day')),
    bucket_start timestamptz not null,
    count        bigint      not null default 1 check (count >= 0),
    amount_minor bigint      not null default 0 check (amount_minor >= 0),
    currency     char(3)     check (currency ~ '^[A-Z]{3}$'), -- the currency of amount_minor, when there is one
    dimensions   jsonb       not null default '{}',
    occurred_at  timestamptz not null default now(),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint analytics_account_id_id_key unique (account_id, id),
    constraint analytics_event_fkey foreign key (account_id, event_id) references events (account_id, id) deferrable initially deferred
);
create index analytics_account_id_metric_bucket_start_idx on analytics (account_id, metric, bucket_start);
create index analytics_account_id_event_id_metric_idx on analytics (account_id, event_id, metric, bucket_start) where event_id is not null;

------------------------------------------------------------------------------------------------------------------------
-- integration: API keys, webhooks, third-party service credentials (secrets encrypted at rest by the application)
------------------------------------------------------------------------------------------------------------------------

create table integrations (
    id           uuid        primary key,
    account_id   uuid        not null references accounts (id) deferrable initially deferred,
    kind         text        not null check (kind in ('api_key', 'webhook', 'service')),
    name         text        not null check (name <> ''),
    provider     text,
    status       text        not null default 'active' check (status in ('active', 'disabled')),
    config       jsonb       not null default '{}', -- non-secret settings only
    secret_enc   bytea,
    secret_hint  text,       -- e.g. the last 4 characters, to recognise a secret without revealing it
    key_prefix   text,       -- API keys: the public lookup part of the key
    key_hash     text,       -- API keys: hash of the full key
    target_url   text,       -- webhooks
    event_types  jsonb       not null default '[]',
    last_used_at timestamptz,
    created_by   uuid        references users (id) deferrable initially deferred,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint integrations_account_id_id_key unique (account_id, id),
    constraint integrations_key_prefix_key unique (key_prefix),
    constraint integrations_api_key_check check (kind <> 'api_key' or (key_prefix is not null and key_hash is not null)),
    constraint integrations_webhook_check check (kind <> 'webhook' or target_url is not null)
);
create index integrations_account_id_kind_idx on integrations (account_id, kind);

------------------------------------------------------------------------------------------------------------------------
-- notification: in-app notifications, per user within an account
------------------------------------------------------------------------------------------------------------------------

create table notifications (
    id         uuid        primary key,
    account_id uuid        not null references accounts (id) deferrable initially deferred,
    user_id    uuid        not null references users (id) deferrable initially deferred,
    kind       text        not null check (kind <> ''),
    title      text        not null,
    body       text,
    link       text,
    audit_id   uuid,       -- the audit entry this notification was derived from, if any
    read_at    timestamptz,
    created_at timestamptz not null default now(),
    constraint notifications_account_id_id_key unique (account_id, id),
    constraint notifications_audit_fkey foreign key (account_id, audit_id) references audit_log (account_id, id) deferrable initially deferred
);
create index notifications_account_id_user_id_created_at_idx on notifications (account_id, user_id, created_at desc);
create index notifications_unread_idx on notifications (account_id, user_id) where read_at is null;
create index notifications_account_id_audit_id_idx on notifications (account_id, audit_id) where audit_id is not null;

------------------------------------------------------------------------------------------------------------------------
-- Row level security
------------------------------------------------------------------------------------------------------------------------

-- accounts: enabled but NOT forced, so SECURITY DEFINER functions owned by the owner role (account_id_by_slug)
-- can read it. The application role sees its bound account, and the accounts its user is a member of.
alter table accounts enable row level security;
create policy tenant_self on accounts
    using (id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (id = nullif(current_setting('app.account_id', true), '')::uuid);
create policy member_accounts on accounts for select
    using (exists (select 1 from account_users au
                   where au.account_id = accounts.id
                     and au.user_id = nullif(current_setting('app.user_id', true), '')::uuid));

-- users: global, no RLS.

alter table account_users enable row level security;
alter table account_users force row level security;
create policy tenant_isolation on account_users
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
-- a user lists their own memberships (the account switcher) before an account is bound
create policy own_memberships on account_users for select
    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
alter table invitations enable row level security;
alter table invitations force row level security;
create policy tenant_isolation on invitations
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy tenant_isolation on audit_log
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table outbox enable row level security;
alter table outbox force row level security;
create policy tenant_isolation on outbox
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table media enable row level security;
alter table media force row level security;
create policy tenant_isolation on media
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table venues enable row level security;
alter table venues force row level security;
create policy tenant_isolation on venues
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table venue_rooms enable row level security;
alter table venue_rooms force row level security;
create policy tenant_isolation on venue_rooms
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table event_series enable row level security;
alter table event_series force row level security;
create policy tenant_isolation on event_series
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table events enable row level security;
alter table events force row level security;
create policy tenant_isolation on events
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table speakers enable row level security;
alter table speakers force row level security;
create policy tenant_isolation on speakers
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table sessions enable row level security;
alter table sessions force row level security;
create policy tenant_isolation on sessions
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table session_speakers enable row level security;
alter table session_speakers force row level security;
create policy tenant_isolation on session_speakers
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table capacity_groups enable row level security;
alter table capacity_groups force row level security;
create policy tenant_isolation on capacity_groups
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table tickets enable row level security;
alter table tickets force row level security;
create policy tenant_isolation on tickets
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table promo_codes enable row level security;
alter table promo_codes force row level security;
create policy tenant_isolation on promo_codes
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table holds enable row level security;
alter table holds force row level security;
create policy tenant_isolation on holds
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table hold_lines enable row level security;
alter table hold_lines force row level security;
create policy tenant_isolation on hold_lines
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table contacts enable row level security;
alter table contacts force row level security;
create policy tenant_isolation on contacts
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table orders enable row level security;
alter table orders force row level security;
create policy tenant_isolation on orders
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table order_lines enable row level security;
alter table order_lines force row level security;
create policy tenant_isolation on order_lines
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table payments enable row level security;
alter table payments force row level security;
create policy tenant_isolation on payments
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table attendees enable row level security;
alter table attendees force row level security;
create policy tenant_isolation on attendees
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table check_ins enable row level security;
alter table check_ins force row level security;
create policy tenant_isolation on check_ins
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table activities enable row level security;
alter table activities force row level security;
create policy tenant_isolation on activities
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table campaigns enable row level security;
alter table campaigns force row level security;
create policy tenant_isolation on campaigns
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table campaign_deliveries enable row level security;
alter table campaign_deliveries force row level security;
create policy tenant_isolation on campaign_deliveries
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table analytics enable row level security;
alter table analytics force row level security;
create policy tenant_isolation on analytics
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table integrations enable row level security;
alter table integrations force row level security;
create policy tenant_isolation on integrations
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
alter table notifications enable row level security;
alter table notifications force row level security;
create policy tenant_isolation on notifications
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);

------------------------------------------------------------------------------------------------------------------------
-- Functions
------------------------------------------------------------------------------------------------------------------------

-- Public pages resolve the account from the URL slug before any tenant is bound. Owned by the owner role, which
-- is not subject to the (not forced) RLS of accounts; returns only the id of an active account.
create function account_id_by_slug(p_slug text) returns uuid
    language sql stable security definer
    set search_path = public, pg_temp
as $$ select id from accounts where slug = lower(p_slug) and status = 'active' $$;
revoke all on function account_id_by_slug(text) from public;
