-- Tickets per queue and state are kept in a table by triggers on SQLite only (see the
-- SQLite migration of the same name). Here a counter row would serialise concurrent
-- ticket writes in a queue, and PostgreSQL counts the open tickets from the index
-- (lib/reports/open-counts.ts). Nothing changes; the migration exists so both
-- databases have the same list.
SELECT 1;
