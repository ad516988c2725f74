package dev.pvit.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.pipeline.PipelineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopFilesTest {
  @TempDir Path tmp;

  @Test
  void lists_images_recursively_sorted_by_relative_key_like_the_local_source() throws Exception {
    Files.createDirectories(tmp.resolve("b/sub"));
    Files.write(tmp.resolve("b/sub/z.JPG"), new byte[] {1});
    Files.write(tmp.resolve("a.png"), new byte[] {1, 2});
    Files.write(tmp.resolve("notes.txt"), new byte[] {1});
    Files.write(tmp.resolve("b/c.jpeg"), new byte[] {1, 2, 3});

    var items = HadoopFiles.open(tmp.toString(), new Configuration()).listImages();

    assertThat(items).extracting(InputItem::key).containsExactly("a.png", "b/c.jpeg", "b/sub/z.JPG");
    assertThat(items.get(1).version()).startsWith("3:");
  }

  @Test
  void a_missing_input_folder_is_a_clear_error() {
    assertThatThrownBy(() -> HadoopFiles.open(tmp.resolve("nope").toString(), new Configuration()).listImages())
        .isInstanceOf(PipelineException.class).hasMessageContaining("does not exist");
  }

  @Test
  void writes_replace_atomically_and_leave_no_temporary_or_checksum_files() throws Exception {
    HadoopFiles out = HadoopFiles.open(tmp.toString(), new Configuration());
    out.write("d/x.json", "first", "attempt-1");
    out.write("d/x.json", "second", "attempt-2");

    assertThat(out.readString("d/x.json")).contains("second");
    assertThat(out.readString("d/missing.json")).isEmpty();
    try (Stream<Path> files = Files.walk(tmp)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()))
          .containsExactly("d/x.json");
    }
  }

  @Test
  void temporaries_of_writers_that_died_mid_write_are_deleted_and_nothing_else() throws Exception {
    HadoopFiles out = HadoopFiles.open(tmp.toString(), new Configuration());
    out.write("images/a/scene.jpg", "done", "attempt-1");
    // What a writer killed between create and rename leaves behind.
    Files.writeString(tmp.resolve("images/a/.scene.jpg.tmp-attempt-5"), "half");
    Files.createDirectories(tmp.resolve("data"));
    Files.writeString(tmp.resolve("data/.part-00001.json.tmp-attempt-7"), "[");
    Files.writeString(tmp.resolve("data/.hidden-but-ours.json"), "{}");

    assertThat(out.deleteAbandonedTemporaries()).isEqualTo(2);

    try (Stream<Path> files = Files.walk(tmp)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()))
          .containsExactlyInAnyOrder("images/a/scene.jpg", "data/.hidden-but-ours.json");
    }
    assertThat(out.deleteAbandonedTemporaries()).isZero();
  }

  @Test
  void partition_arrays_hold_one_record_per_line() {
    assertThat(PartitionTask.jsonArray(java.util.List.of("{\"a\":1}", "{\"b\":2}")))
        .isEqualTo("[\n{\"a\":1},\n{\"b\":2}\n]\n");
    assertThat(PartitionTask.jsonArray(java.util.List.of())).isEqualTo("[\n]\n");
  }
}
