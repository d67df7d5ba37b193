-- The queue row a landing batch's changed keys go into (land.sql), drawn before the batch lands so that the
-- mirror rows of orders and order items can record it: the next value of the queue's own identity, so that a
-- batch's row and the rows queued one key at a time (derive-retry-parked.sql, derive-split-batches.sql) share one
-- order.
SELECT nextval(pg_get_serial_sequence('ctl.derive_queue', 'queue_id'))
