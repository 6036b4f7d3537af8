-- The account context publishes what other contexts may read of an account beside their own rows (issue 12, item 2:
-- no context reads another context's tables). The event context reads an account's name, slug and contact address
-- beside an event in the one statement the checkout and the order pages spend on the event; a call to the account's
-- service would add a statement per paid order. So the account context owns this function, and the event context
-- joins it instead of the accounts table: which columns it publishes is the account context's decision, in its own
-- migration, and a column renamed or moved in accounts changes only this function.
--
-- LANGUAGE sql, STABLE, SECURITY INVOKER (the default) and a single select: PostgreSQL inlines it into the calling
-- query (the plan reads accounts by its primary key as before), and the caller's row level security applies to the
-- accounts row it reads, as if the caller had read the table.
create function account_published_facts(account uuid)
    returns table (name text, slug text, contact_email text)
    language sql stable
as $$
    select a.name, a.slug, a.contact_email from accounts a where a.id = account
$$;
