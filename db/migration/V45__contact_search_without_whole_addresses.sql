-- Why: issue 15, the contact search at a million contacts (docs/benchmarks.md, "Contacts at scale", session 19).
--
-- V22's search vector holds each email address twice: split into its words ('ada lovelace example org') and whole
-- ('ada.lovelace@example.org', one token of the parser). No search can reach the whole one: PrefixQuery sends letters
-- and digits only, so a query word that starts the whole address also starts its first word, and typing the address
-- searches for its words. But the whole address is a distinct word for every contact, so it is most of the GIN
-- index's words (at a million contacts: 155 MB with it, 69 MB without), and a prefix that starts many addresses
-- ("anna:*" starts 25,000 of them) visits each of those one-row entries besides the name's own. The vector is made
-- again without it; the two indexes that hold it are made again with it (the GIN index, and V44's walk, whose entries
-- carry the vector). Adding a stored generated column rewrites the table once.

drop index contacts_live_by_activity_idx;
drop index contacts_search_idx;
alter table contacts drop column search;
alter table contacts add column search tsvector generated always as (to_tsvector('simple',
    coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' ||
    translate(coalesce(email, ''), '@.-_+', '     ') || ' ' || coalesce(company, '') || ' ' ||
    coalesce(job_title, '') || ' ' || coalesce(city, ''))) stored;
create index contacts_search_idx on contacts using gin (search);
create index contacts_live_by_activity_idx on contacts (account_id, last_activity_at desc nulls last, id desc)
    include (search, tags, marketing_consent)
    where erased_at is null and merged_into_id is null;
