package dev.pvit.pipeline.internal;

import java.util.List;
import java.util.Map;

/**
 * Everything one finished input adds to the output folder, committed as a unit.
 *
 * @param key the input key
 * @param version the input version
 * @param ok false if the input was rejected
 * @param outputs number of items written
 * @param lines lines to append, per relative file name
 * @param counts counter increments, per group and key
 */
public record Commit(
    String key,
    String version,
    boolean ok,
    long outputs,
    Map<String, List<String>> lines,
    Map<String, Map<String, Long>> counts) {}
