-- Run once per EventOS database as a superuser (the embedded database does it itself; README, "Preparing your own
-- PostgreSQL server"). Why: under row level security PostgreSQL uses a search condition as an index condition only
-- when its functions are marked LEAKPROOF; without that the organizers' searches (orders, attendees: trigram indexes;
-- contacts: the full-text index; contact tags: the GIN index) read every row of the event or account instead
-- (docs/security.md, "Leakproof search functions"; docs/benchmarks.md, "Organizer lists at scale").
-- What it gives up: a leakproof function promises not to reveal its arguments except through its result. These
-- compute a result from text (lower case, joined, matched against a pattern, a text-search or JSON containment
-- match) and fail only on the pattern or query the statement itself supplies, never on a row's value; the
-- application's role runs only the application's statements. Idempotent.
alter function pg_catalog.lower(text) leakproof;
alter function pg_catalog.textcat(text, text) leakproof;
alter function pg_catalog.textlike(text, text) leakproof;
alter function pg_catalog.ts_match_vq(tsvector, tsquery) leakproof;
alter function pg_catalog.jsonb_contains(jsonb, jsonb) leakproof;
