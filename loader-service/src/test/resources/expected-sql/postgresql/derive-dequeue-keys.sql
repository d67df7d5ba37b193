-- Takes the chosen keys of a derive pass out of the queue, in the pass's transaction.
DELETE FROM ctl.derive_queue
WHERE EXISTS (SELECT 1 FROM stg.derive_keys k
              WHERE k.apply_token = :token AND k.entity = derive_queue.entity AND k.key_value = derive_queue.key_value)
