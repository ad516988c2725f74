package dev.pvit.pipeline;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Per-item facts handed to {@link Stage#process}: the item's key and a random source derived only
 * from (seed, stage position, item key), so results do not depend on worker count or timing.
 *
 * <p>The key of an input is its {@link SourceItem#key()}. A stage that returns one item passes its
 * key on unchanged; when it returns several, the {@code j}-th has key {@code k + "#" + j}.
 *
 * <pre>{@code
 * ItemContext ctx = ItemContext.of(42, 1, "photos/a.jpg"); // e.g. to unit-test a stage
 * boolean flip = ctx.random().nextBoolean();
 * }</pre>
 */
public final class ItemContext {
  private final long seed;
  private final int stageIndex;
  private final String key;
  private @Nullable Random random;

  private ItemContext(long seed, int stageIndex, String key) {
    this.seed = seed;
    this.stageIndex = stageIndex;
    this.key = key;
  }

  /**
   * The context a stage sees for an item.
   *
   * @param seed the run's seed
   * @param stageIndex the stage's position in the chain, starting at 1
   * @param key the item's key
   * @return the context
   */
  public static ItemContext of(long seed, int stageIndex, String key) {
    return new ItemContext(seed, stageIndex, checkNotNull(key, "key"));
  }

  /**
   * The item's key (the input key, plus a {@code #j} suffix per fan-out step).
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * The run's seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The stage's position in the chain, starting at 1.
   *
   * @return the index
   */
  public int stageIndex() {
    return stageIndex;
  }

  /**
   * A random source for this item and stage. Repeated calls return the same instance; its sequence
   * depends only on the seed, the stage position and the key.
   *
   * @return the random source
   */
  public Random random() {
    Random r = random;
    if (r == null) {
      r = new Random(derivedSeed(seed, stageIndex, key));
      random = r;
    }
    return r;
  }

  /**
   * The 64-bit seed behind {@link #random()}: a stable hash (Murmur3) of seed, stage and key, equal
   * on every JVM.
   *
   * @param seed the run's seed
   * @param stageIndex the stage position
   * @param key the item key
   * @return the derived seed
   */
  public static long derivedSeed(long seed, int stageIndex, String key) {
    return Hashing.murmur3_128()
        .newHasher()
        .putLong(seed)
        .putInt(stageIndex)
        .putString(key, StandardCharsets.UTF_8)
        .hash()
        .asLong();
  }

  @Override
  public String toString() {
    return "ItemContext[" + key + ", stage " + stageIndex + "]";
  }
}
