-- Why: issue 15, the contact list at a million contacts (docs/benchmarks.md, "Contacts at scale", session 18).
--
-- A search or filter with more than 1,000 matches reads its page by walking the account's live contacts in
-- last-activity order and testing each one against the search, the tag and consent until 25 pass
-- (ContactService.list). With only (account_id, last_activity_at) in the index, every contact walked was a read of
-- its row: "schm" walked 57,700 contacts (46 ms), "web" with the newsletter tag and consent 87,000 (86 ms). This index
-- holds what those tests need (the search vector, the tags, consent) beside the key, for live contacts only (the
-- list never shows erased or merged ones), so the walk finds the page's ids in the index alone (an index-only scan
-- of pages the visibility map marks all-visible): 24 and 21 ms. ContactService.list reads the walk's 25 ids first,
-- then their rows. It replaces the index it extends (the list was its only reader), so a contact write updates no
-- more indexes than before; its entries are larger (the search vector: about 250 MB at a million contacts).
create index contacts_live_by_activity_idx on contacts (account_id, last_activity_at desc nulls last, id desc)
    include (search, tags, marketing_consent)
    where erased_at is null and merged_into_id is null;
drop index contacts_account_id_last_activity_at_idx;
