-- Why: issue 18. The attendee list's search matches the holder's name or email, or the code of the ticket's order.
-- The order half looked the code up through the orders' search index (V35), whose text is code, buyer name and email
-- together, and then kept the orders whose code matched: "hoffmann" found the 4,000 orders of the flagship event
-- bought by a Hoffmann, read each of them, and kept none (an order code has no such letters). It did so twice per
-- request, for the total and for the page. An index of the code alone answers "no such code" from the index.
-- Where pg_trgm is missing (V35 says so in its log) the search stays right, only slower.
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm')
            and exists (select 1 from pg_extension where extname = 'btree_gin') then
        -- the expression must be written exactly so in OrderService.attendeeCondition
        execute $i$create index orders_event_code_search_idx on orders using gin (account_id, event_id,
            lower(code) gin_trgm_ops)$i$;
    end if;
end $$;
