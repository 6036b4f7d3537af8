-- afterMigrate callback: runs after every Flyway migrate, as the owner role, and is idempotent (GRANT/REVOKE of a
-- privilege already granted/revoked is a no-op). Why: the application connects as ${appRole}, a role that is not
-- superuser, not owner and has no BYPASSRLS; it gets DML only, so row level security always applies to it.
-- Re-running after every migrate covers the tables, sequences and functions that later migrations add.
-- (USAGE on schema public comes from PUBLIC, which keeps it in PostgreSQL 15; CREATE it does not have.)
grant select, insert, update, delete on all tables in schema public to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
grant execute on all functions in schema public to ${appRole};
-- Flyway's own history is not the application's business.
revoke all on table ${flyway:defaultSchema}.${flyway:table} from ${appRole};
