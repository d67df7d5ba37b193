-- One deriver at a time, across loaders: the derive row of ctl.apply_lock, locked until the pass's
-- transaction ends. SKIP LOCKED: a loader that finds it taken skips this pass instead of waiting (a
-- waiting transaction would hold back the capture bound of an OLTP on the same server).
SELECT lock_name FROM ctl.apply_lock WHERE lock_name = 'derive' FOR UPDATE SKIP LOCKED
