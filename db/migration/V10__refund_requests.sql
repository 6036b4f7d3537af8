-- Buyers may cancel their own order or ask for a refund, as the event's cancellation policy allows (issue 5, item 9;
-- the policy itself lives in events.settings -> 'cancellation'). A request waits for the organizer, who approves
-- (a full refund) or declines with a sentence mailed to the buyer; both are kept on the order so the organizer's
-- page and list can show what is open. One request per order: after an answer the buyer writes to the organizer.
-- orders already has row level security enabled, forced and its tenant_isolation policy (V1); the new columns
-- are covered by it, and afterMigrate.sql grants the application role DML on the table as before.
alter table orders
    add column refund_requested_at       timestamptz,
    add column refund_request_note       text,
    add column refund_request_decided_at timestamptz,
    add column refund_request_outcome    text check (refund_request_outcome in ('approved', 'declined')),
    add column refund_request_reply      text,
    add constraint orders_refund_request_decision_check
        check ((refund_request_decided_at is null) = (refund_request_outcome is null)
               and (refund_request_decided_at is null or refund_requested_at is not null));

-- the organizer's "refund requested" filter: open requests of one event
create index orders_open_refund_requests_idx on orders (account_id, event_id, refund_requested_at)
    where refund_requested_at is not null and refund_request_decided_at is null;
