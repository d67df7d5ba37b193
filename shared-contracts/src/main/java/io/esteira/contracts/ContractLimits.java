package io.esteira.contracts;

/**
 * Size limits {@link ContractCodec} enforces when reading a message, so a hostile or broken producer
 * cannot exhaust a consumer's memory.
 *
 * @param maxMessageBytes largest accepted document, checked before parsing
 * @param maxRowsPerBatch most rows in one {@link ChangeBatch}
 * @param maxNestingDepth deepest nesting of objects and arrays (a change batch needs 4)
 * @param maxStringLength longest string value, in characters
 */
public record ContractLimits(int maxMessageBytes, int maxRowsPerBatch, int maxNestingDepth, int maxStringLength) {

    /** 16 MiB: Artemis handles it as a large message; a batch near this size should be split. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    public static final int MAX_ROWS_PER_BATCH = 10_000;

    public static final int MAX_NESTING_DEPTH = 32;

    /** 1 Mi characters: the longest text a single column value may carry. */
    public static final int MAX_STRING_LENGTH = 1024 * 1024;

    /** Nesting a change batch needs: document, rows, row, data. */
    static final int MIN_NESTING_DEPTH = 4;

    public static final ContractLimits DEFAULTS =
            new ContractLimits(MAX_MESSAGE_BYTES, MAX_ROWS_PER_BATCH, MAX_NESTING_DEPTH, MAX_STRING_LENGTH);

    public ContractLimits {
        requirePositive("maxMessageBytes", maxMessageBytes);
        requirePositive("maxRowsPerBatch", maxRowsPerBatch);
        requirePositive("maxStringLength", maxStringLength);
        if (maxNestingDepth < MIN_NESTING_DEPTH) {
            throw new IllegalArgumentException("ContractLimits.maxNestingDepth is " + maxNestingDepth
                    + "; set it to at least " + MIN_NESTING_DEPTH + ", the depth a change batch needs.");
        }
    }

    public ContractLimits withMaxMessageBytes(int bytes) {
        return new ContractLimits(bytes, maxRowsPerBatch, maxNestingDepth, maxStringLength);
    }

    public ContractLimits withMaxRowsPerBatch(int rows) {
        return new ContractLimits(maxMessageBytes, rows, maxNestingDepth, maxStringLength);
    }

    public ContractLimits withMaxNestingDepth(int depth) {
        return new ContractLimits(maxMessageBytes, maxRowsPerBatch, depth, maxStringLength);
    }

    public ContractLimits withMaxStringLength(int length) {
        return new ContractLimits(maxMessageBytes, maxRowsPerBatch, maxNestingDepth, length);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "ContractLimits." + name + " is " + value + "; set it to a positive number.");
        }
    }
}
