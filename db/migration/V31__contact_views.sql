-- Why: saved views of the contact list (issue 15, item 2): a team member keeps the list's filters, search and sort
-- under a name and opens them again from /app/contacts.xhtml. A view is its creator's own unless shared with the
-- team; the policy says so too: a transaction sees the account's shared views and the signed-in user's own
-- (app.user_id), and may write only rows of its own user (ContactViewService also lets managers delete shared ones,
-- which the policy's USING clause allows: deletes have no WITH CHECK).

create table contact_views (
    id             uuid        primary key,
    account_id     uuid        not null references accounts (id) deferrable initially deferred,
    user_id        uuid        not null references users (id) deferrable initially deferred,
    name           text        not null check (name <> '' and length(name) <= 80),
    filters        jsonb       not null default '{}',
    sort_field     text        not null default 'lastActivity' check (sort_field in ('lastActivity', 'name', 'created')),
    sort_ascending boolean     not null default false,
    shared         boolean     not null default false,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint contact_views_account_id_id_key unique (account_id, id)
);
create unique index contact_views_name_key on contact_views (account_id, user_id, lower(name));

alter table contact_views enable row level security;
alter table contact_views force row level security;
create policy tenant_isolation on contact_views
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid)
           and (shared or user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid)
                and user_id = (select nullif(current_setting('app.user_id', true), '')::uuid));
