package io.esteira.loader.apply;

/**
 * What applying one batch did to the staging mirror (from which dimensions and facts follow).
 *
 * @param duplicate the batch id was applied before: nothing changed
 * @param rowsInBatch rows the batch carried
 * @param inserted keys the mirror did not have
 * @param updated keys whose newer version replaced the stored one (deletes included)
 * @param ignored rows that changed nothing: not newer than the stored version, repeated keys within
 *     the batch, deletes of unknown keys, or the whole batch when it is a duplicate
 */
public record ApplyResult(boolean duplicate, int rowsInBatch, int inserted, int updated, int ignored) {

    static ApplyResult duplicateOf(int rowsInBatch) {
        return new ApplyResult(true, rowsInBatch, 0, 0, rowsInBatch);
    }
}
