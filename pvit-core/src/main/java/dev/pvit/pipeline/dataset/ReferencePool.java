package dev.pvit.pipeline.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.pvit.PvitException;
import dev.pvit.face.FaceDescriptor;
import dev.pvit.image.ImageInput;
import dev.pvit.pipeline.ItemContext;
import dev.pvit.pipeline.Source;
import dev.pvit.pipeline.SourceItem;
import dev.pvit.pipeline.Stage;
import dev.pvit.pipeline.curation.CuratedPerson;
import dev.pvit.pipeline.curation.CuratedScene;
import dev.pvit.pipeline.curation.SceneFace;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People from other images of the run, used as the introduced-but-absent person of absent-person
 * negatives. Built by a first pass over a few inputs chosen by the seed (the inputs whose key hashes
 * lowest for the seed), so the pool, and with it every sample, depends only on the source, the seed
 * and the curation settings, never on worker count or on where a run was resumed. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * ReferencePool pool = ReferencePool.build(Source.folder(dir), curation, seed, 8);
 * Optional<ReferencePool.Entry> absent = pool.pickAbsent(scene, ctx.random());
 * }</pre>
 */
public final class ReferencePool {
  /** Default number of inputs scanned for the pool. */
  public static final int DEFAULT_IMAGES = 8;
  /**
   * Descriptor distance below which a pool person may be the same person as someone in the scene
   * (the engine's usual match threshold); such entries are never used as absent for that scene.
   */
  public static final double SAME_PERSON_DISTANCE = 0.6;

  private static final Logger LOG = LoggerFactory.getLogger(ReferencePool.class);
  private static final ReferencePool EMPTY = new ReferencePool(List.of());

  private final List<Entry> entries;

  /**
   * One person in the pool.
   *
   * @param sourceKey key of the input the person comes from
   * @param faceCrop the face crop with PVIT margins
   * @param bodyCrop the person crop
   * @param descriptor the face descriptor, if known
   */
  public record Entry(String sourceKey, BufferedImage faceCrop, BufferedImage bodyCrop, Optional<FaceDescriptor> descriptor) {
    /** Checks the parts. */
    public Entry {
      checkNotNull(sourceKey, "sourceKey");
      checkNotNull(faceCrop, "faceCrop");
      checkNotNull(bodyCrop, "bodyCrop");
      checkNotNull(descriptor, "descriptor");
    }
  }

  private ReferencePool(List<Entry> entries) {
    this.entries = ImmutableList.copyOf(entries);
  }

  /**
   * An empty pool: no absent-person negatives can be made; they are replaced by unknown-name ones.
   *
   * @return the pool
   */
  public static ReferencePool empty() {
    return EMPTY;
  }

  /**
   * A pool of given entries.
   *
   * @param entries the people
   * @return the pool
   */
  public static ReferencePool of(List<Entry> entries) {
    return new ReferencePool(entries);
  }

  /**
   * Runs curation on up to {@code images} inputs chosen by the seed and keeps every person whose
   * face passed the quality filter. Inputs that fail are skipped (the main run rejects them).
   *
   * @param source the run's inputs
   * @param curation the run's curation stage (used from this thread only)
   * @param seed the run's seed
   * @param images how many inputs to scan
   * @return the pool
   */
  public static ReferencePool build(
      Source<? extends ImageInput> source,
      Stage<ImageInput, CuratedScene> curation,
      long seed,
      int images) {
    checkArgument(images >= 0, "images must not be negative, got %s", images);
    if (images == 0) {
      return EMPTY;
    }
    Comparator<Ranked> byRank = Comparator.comparingLong(Ranked::rank).thenComparing(r -> r.item.key());
    PriorityQueue<Ranked> largestFirst = new PriorityQueue<>(byRank.reversed());
    try (Stream<? extends SourceItem<? extends ImageInput>> items = source.items()) {
      items.forEach(item -> {
        largestFirst.add(new Ranked(ItemContext.derivedSeed(seed, 0, item.key()), item));
        if (largestFirst.size() > images) {
          largestFirst.poll();
        }
      });
    }
    List<Ranked> chosen = new ArrayList<>(largestFirst);
    chosen.sort(byRank);
    List<Entry> entries = new ArrayList<>();
    for (Ranked r : chosen) {
      try {
        for (CuratedScene scene : curation.process(r.item.load(), ItemContext.of(seed, 0, r.item.key()))) {
          for (CuratedPerson p : scene.usablePeople()) {
            entries.add(new Entry(r.item.key(), p.faceCrop(), p.bodyCrop(), p.face().descriptor()));
          }
        }
      } catch (PvitException | IllegalArgumentException e) {
        LOG.debug("Reference pool skips {}: {}", r.item.key(), e.getMessage());
      }
    }
    LOG.info("Reference pool: {} people from {} images", entries.size(), chosen.size());
    return new ReferencePool(entries);
  }

  private record Ranked(long rank, SourceItem<? extends ImageInput> item) {}

  /**
   * The people in the pool.
   *
   * @return the entries
   */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * Picks a person who is not in a scene: from another input and, when descriptors are known, not
   * resembling anyone in the scene.
   *
   * @param scene the scene
   * @param sceneKey the scene's input key
   * @param random the item's random source
   * @return a person, or empty if the pool has none for this scene
   */
  public Optional<Entry> pickAbsent(CuratedScene scene, String sceneKey, Random random) {
    List<Entry> candidates = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.sourceKey().equals(sceneKey) && !resemblesAnyone(e, scene)) {
        candidates.add(e);
      }
    }
    int pick = random.nextInt(Math.max(1, candidates.size()));
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(pick));
  }

  private static boolean resemblesAnyone(Entry e, CuratedScene scene) {
    if (e.descriptor().isEmpty()) {
      return false;
    }
    for (SceneFace f : scene.faces()) {
      if (f.descriptor().isPresent() && f.descriptor().get().distance(e.descriptor().get()) < SAME_PERSON_DISTANCE) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "ReferencePool[" + entries.size() + " people]";
  }
}
