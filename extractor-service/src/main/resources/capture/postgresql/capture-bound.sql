-- The capture bound: the oldest transaction still running. Every transaction whose id is below it
-- has ended, so no row stamped below it can still appear. It is read in its own statement, before
-- the page: under READ COMMITTED the page's snapshot is taken later, and so sees every transaction
-- below the bound as committed (or rolled back).
SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint
