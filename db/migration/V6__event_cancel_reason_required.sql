-- Why: issue 4 (events): a cancelled event tells its attendees why on its public page, so a cancellation without a
-- reason is refused by the database too, not only by EventService.cancel. Existing cancelled events all have one
-- (the demo's does); the constraint is validated.
alter table events
    add constraint events_cancel_reason_check
        check (status <> 'cancelled' or coalesce(btrim(cancel_reason), '') <> '');
