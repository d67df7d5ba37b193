-- The capture bound: MIN_ACTIVE_ROWVERSION(), the lowest rowversion of any transaction still open.
-- Everything below it is committed. It must be read in its own statement, before the page:
-- the function ignores the isolation level and is evaluated when the statement runs, while under
-- read committed snapshot (RCSI) or snapshot isolation the page's rows come from a snapshot. In one
-- statement, a transaction (rowversion 100) open at snapshot time that commits before the function
-- runs would let a row with rowversion 101, visible in the snapshot, pass a bound of 102, and the
-- cursor would move past 100's rows for good. Read first, the bound only ever lags: the page's later
-- snapshot (RCSI: taken when the page statement starts) sees every transaction below it.
SELECT CAST(MIN_ACTIVE_ROWVERSION() AS BIGINT)
