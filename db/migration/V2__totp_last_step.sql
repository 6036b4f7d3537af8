-- Why: a TOTP code stays valid for up to 90 seconds (current step plus one either side), so the time step of the last
-- accepted code is remembered per user; a code of the same or an older step is refused (no replay of a code seen on
-- someone's screen or in a proxy log). Null until a code has been accepted.
alter table users add column totp_last_step bigint;
