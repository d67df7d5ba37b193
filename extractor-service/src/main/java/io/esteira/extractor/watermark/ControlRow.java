package io.esteira.extractor.watermark;

import io.esteira.contracts.ChangeBatch.Cursor;

/** An entity's row of {@code ctl.etl_control}: switch, watermark and batch size. */
public record ControlRow(String entity, boolean enabled, Cursor watermark, int batchSize) {}
