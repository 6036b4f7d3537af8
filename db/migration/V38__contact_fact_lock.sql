-- Why: a first check-in committing at the same moment as the erasure of that person could leave one
-- contact_event_facts row on the erased contact (issue 15). The door's one statement takes the contact's advisory
-- lock (ContactEventFacts) in the middle of the statement, so when it had to wait for an erasure, the rest of the
-- statement still saw the contact as it was before the erasure (the statement's snapshot is taken when it starts) and
-- inserted the fact after the erasure had deleted the person's facts.
--
-- This function takes that lock and only then looks at the contact: a volatile function's query gets a snapshot of
-- its own, taken after the lock was granted, so it sees an erasure that committed while the door waited. The door
-- records the fact only when it answers true. The erasure takes the same lock before it deletes the facts
-- (ContactPrivacyService), so a check-in that got the lock first has committed its fact by then, and it is deleted.
-- Security invoker: row level security of the caller applies.
create function contact_fact_lock(p_contact uuid) returns boolean
    language plpgsql volatile as $$
declare
    live boolean;
begin
    perform pg_advisory_xact_lock(hashtext('contact_event_facts'), hashtext(p_contact::text));
    select c.erased_at is null into live from contacts c where c.id = p_contact;
    return coalesce(live, false);
end
$$;
