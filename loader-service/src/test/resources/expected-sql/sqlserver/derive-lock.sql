-- One deriver at a time, across loaders (see apply/postgresql/derive-lock.sql): UPDLOCK holds the derive
-- row until the pass's transaction ends, READPAST returns nothing when another pass holds it.
SELECT lock_name FROM ctl.apply_lock WITH (UPDLOCK, ROWLOCK, READPAST) WHERE lock_name = 'derive';
