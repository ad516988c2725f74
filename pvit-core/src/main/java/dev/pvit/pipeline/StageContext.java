package dev.pvit.pipeline;

/**
 * What a stage learns when it is opened: the run's seed and the worker it serves. Worker numbers
 * are for resource naming and logging only; outputs must never depend on them.
 *
 * @param seed the run's seed
 * @param worker this instance's worker, {@code 0 <= worker < workers}
 * @param workers the number of workers in the run
 * @param stageIndex the position of the stage in the chain, starting at 1
 */
public record StageContext(long seed, int worker, int workers, int stageIndex) {}
