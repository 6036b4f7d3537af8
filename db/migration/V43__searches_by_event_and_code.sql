-- Why: issue 18, the searches of the orders and attendee lists at the benchmark's large account (1,000,000 orders,
-- 2,000,000 tickets; docs/benchmarks.md, "Organizer lists at scale", session 17). Where pg_trgm or btree_gin is missing
-- (V35 says so in its log) none of these indexes exist and the searches stay right, only slower.
--
-- 1. The attendee list's search matches the holder's name or email, or the code of the ticket's order. The order half
--    looked the code up through the orders' search index, whose text is code, buyer name and email together, and then
--    kept the orders whose code matched: "hoffmann" found the 4,000 orders of the flagship event bought by a Hoffmann,
--    read each of them and kept none (an order code has no such letters), 10-12 ms, twice per request (the total and
--    the page). An index of the code alone answers "no such code" from the index: 0.1 ms.
-- 2. The two search indexes held the account beside the event and the text. The event implies the account, and the
--    account's entry is the longest list in the index (every order of the account), which each search merged with
--    the text's: "anna.schmidt1" among the orders 7.1 -> 3.3 ms, "hoffmann" among the tickets 7.2 -> 4.4 ms for the
--    index scan alone. Without the account, the tenant policy's account check runs on the rows found (a handful).
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm')
            and exists (select 1 from pg_extension where extname = 'btree_gin') then
        -- the expressions must be written exactly so in OrderService (ORDER_TEXT, ATTENDEE_TEXT, attendeeCondition)
        execute $i$create index orders_event_code_search_idx on orders using gin (event_id, lower(code) gin_trgm_ops)$i$;
        drop index if exists orders_event_search_idx;
        execute $i$create index orders_event_search_idx on orders using gin (event_id,
            lower(code || ' ' || buyer_name || ' ' || buyer_email) gin_trgm_ops)$i$;
        drop index if exists attendees_event_search_idx;
        execute $i$create index attendees_event_search_idx on attendees using gin (event_id,
            search_text gin_trgm_ops)$i$;
    end if;
end $$;
