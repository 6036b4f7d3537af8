-- Why: issue 18, item 3 ("render once per change"): a public event page that is not in a server's memory was read
-- (8-9 statements) and rendered through Faces (~10 ms of CPU) on every such visit. Its rendering is now kept here,
-- once per event (and per build and address of the application), and answered with one indexed read for as long as
-- nothing it shows has changed:
--   * public_content_versions counts, per account, the writes to what the account's public pages show. Statement
--     triggers on those tables move it on, whoever writes (JPA, plain SQL, imports), so a kept rendering can never
--     outlive a change. A rendering keeps the version it read before its data (same transaction), so a write that
--     commits while the page is being read makes it stale rather than current.
--   * Seats sold are not a change of content (sold_count is not watched): the page's availability ("Available",
--     "Only 7 left", "Sold out" per ticket type) is kept as text and compared with the stock counted when the
--     rendering is answered (one statement); time (sales windows opening or closing, the event ending) through
--     valid_until.

create table public_content_versions (
    account_id uuid   primary key references accounts (id) deferrable initially deferred,
    version    bigint not null default 1
);

alter table public_content_versions enable row level security;
alter table public_content_versions force row level security;
create policy tenant_isolation on public_content_versions
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);

create table public_page_renderings (
    account_id      uuid        not null references accounts (id) deferrable initially deferred,
    event_id        uuid        not null,
    slug            text        not null,
    variant         text        not null, -- the build and the address the page was rendered for
    content_version bigint      not null, -- public_content_versions.version, read before the page's data
    valid_until     timestamptz,          -- when the page changes by itself (sales window, event end); null: never
    availability    text        not null, -- what the page says about each ticket type (EventPageModels)
    etag            text        not null,
    no_index        boolean     not null,
    html_gzip       bytea       not null,
    rendered_at     timestamptz not null default now(),
    primary key (account_id, slug, variant),
    constraint public_page_renderings_event_fkey foreign key (account_id, event_id)
        references events (account_id, id) on delete cascade deferrable initially deferred
);
-- already compressed: no second try by TOAST
alter table public_page_renderings alter column html_gzip set storage external;
create index public_page_renderings_event_idx on public_page_renderings (account_id, event_id);

alter table public_page_renderings enable row level security;
alter table public_page_renderings force row level security;
create policy tenant_isolation on public_page_renderings
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);

-- Moves the bound account's version on; one row update per statement (not per row), in the writer's transaction.
-- Without a bound account (migrations, superuser maintenance) nothing is moved: the renderings' variant changes with
-- every build, and an operator clearing public_page_renderings is the documented remedy (docs/architecture.md).
create function public_content_touched() returns trigger
    language plpgsql as $$
declare
    bound uuid := nullif(current_setting('app.account_id', true), '')::uuid;
begin
    if bound is not null then
        insert into public_content_versions as v (account_id) values (bound)
        on conflict (account_id) do update set version = v.version + 1;
    end if;
    return null;
end
$$;

do $$
declare
    watched text;
begin
    foreach watched in array array['events', 'venues', 'venue_rooms', 'sessions', 'speakers', 'session_speakers',
                                   'capacity_groups'] loop
        execute format('create trigger public_content_touched after insert or update or delete on %I '
                       'for each statement execute function public_content_touched()', watched);
    end loop;
end
$$;
-- tickets: every column the page shows; not sold_count, which every sale moves (availability is compared instead)
create trigger public_content_touched_rows after insert or delete on tickets
    for each statement execute function public_content_touched();
create trigger public_content_touched after update of event_id, capacity_group_id, name, description, price_minor,
    currency, quantity, sales_start, sales_end, min_per_order, max_per_order, visibility, sort_order, paused
    on tickets for each statement execute function public_content_touched();
-- accounts: the profile the pages show; not the bookkeeping columns jobs update (retention_checked_at, ...)
create trigger public_content_touched after update of slug, name, contact_email, default_time_zone, logo_media_id,
    settings, status, brand_color
    on accounts for each statement execute function public_content_touched();
