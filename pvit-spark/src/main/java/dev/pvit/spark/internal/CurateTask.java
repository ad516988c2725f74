package dev.pvit.spark.internal;

import dev.pvit.RetriableException;
import dev.pvit.face.FaceDescriptor;
import dev.pvit.pipeline.ItemContext;
import dev.pvit.pipeline.curation.CuratedPerson;
import dev.pvit.pipeline.curation.CuratedScene;
import dev.pvit.pipeline.curation.CurationStage;
import dev.pvit.spark.CuratedPhoto;
import dev.pvit.spark.GenerateOptions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * Phase 1 over a partition, on the executor's shared engine: one {@link CuratedPhoto} per kept or
 * rejected photo (photos with too few people are dropped, as by the local curation).
 */
public final class CurateTask implements FlatMapFunction<Iterator<InputItem>, CuratedPhoto> {
  private static final long serialVersionUID = 1L;

  private final GenerateOptions options;
  private final Broadcast<HadoopConf> conf;

  /**
   * Creates the task function.
   *
   * @param options the run's options (input, seed, minPeople, torchThreads)
   * @param conf the driver's Hadoop configuration
   */
  public CurateTask(GenerateOptions options, Broadcast<HadoopConf> conf) {
    this.options = options;
    this.conf = conf;
  }

  @Override
  public Iterator<CuratedPhoto> call(Iterator<InputItem> items) {
    List<CuratedPhoto> out = new ArrayList<>();
    try (CurationStage curation = ItemChain.curation(options, ExecutorEngine.get(options.torchThreads()))) {
      while (items.hasNext()) {
        InputItem item = items.next();
        List<CuratedScene> scenes;
        try {
          scenes = curation.process(ItemChain.load(item, conf.value().get()), ItemContext.of(options.seed(), 1,
              item.key()));
        } catch (RetriableException e) {
          throw e;
        } catch (RuntimeException e) {
          out.add(new CuratedPhoto(item.key(), 0, 0, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage()));
          continue;
        }
        for (CuratedScene s : scenes) {
          List<CuratedPhoto.Person> people = new ArrayList<>();
          for (CuratedPerson p : s.people()) {
            people.add(new CuratedPhoto.Person(p.face().box().x(), p.face().box().y(), p.face().box().width(),
                p.face().box().height(), p.face().detection().score(),
                p.face().descriptor().map(FaceDescriptor::toArray).orElse(new float[0]), p.usableAsReference()));
          }
          out.add(new CuratedPhoto(item.key(), s.image().getWidth(), s.image().getHeight(), people, null));
        }
      }
    }
    return out.iterator();
  }
}
