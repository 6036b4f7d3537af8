-- afterMigrate callback: runs after every Flyway migrate, as the owner role, and is idempotent (GRANT/REVOKE of a
-- privilege already granted/revoked is a no-op). Why: the application connects as ${appRole}, a role that is not
-- superuser, not owner and has no BYPASSRLS; it gets DML only, so row level security always applies to it.
-- Re-running after every migrate covers the tables, sequences and functions that later migrations add.
-- (USAGE on schema public comes from PUBLIC.) The application role must not create objects: nothing it makes is
-- covered by the tenant policies. PostgreSQL 14 and older grant CREATE on schema public to PUBLIC; it is revoked here
-- when the owner role owns the schema (PostgreSQL 15: the database owner does), otherwise this says "no privileges
-- could be revoked" and the start-up check refuses the role with the statement to run (docs/security.md).
revoke create on schema public from public;
revoke create on schema public from ${appRole};
grant select, insert, update, delete on all tables in schema public to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
grant execute on all functions in schema public to ${appRole};
-- Flyway's own history is not the application's business.
revoke all on table ${flyway:defaultSchema}.${flyway:table} from ${appRole};
