package dev.pvit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GalleryCacheTest {
  private static ImageInput photo(int rgb) {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 3, rgb);
    return ImageInput.of(img, "p.png");
  }

  @Test
  void the_key_depends_on_names_and_photo_contents_only() {
    List<Person> people = List.of(Person.of("Maya", photo(1)), Person.of("Lena", photo(2)));
    String key = GalleryCache.key(people);
    assertThat(GalleryCache.key(List.of(Person.of("Maya", photo(1)), Person.of("Lena", photo(2))))).isEqualTo(key);
    assertThat(GalleryCache.key(List.of(Person.of("Maya", photo(1)), Person.of("Lena", photo(3))))).isNotEqualTo(key);
    assertThat(GalleryCache.key(List.of(Person.of("Maya", photo(1)), Person.of("Lina", photo(2))))).isNotEqualTo(key);
    assertThat(GalleryCache.key(List.of(Person.of("Maya", photo(1))))).isNotEqualTo(key);
    assertThat(key).matches("[0-9a-f]{64}");
  }

  @Test
  void the_cache_folder_follows_the_environment() {
    assertThat(GalleryCache.userCacheDir(Map.of("PVIT_CACHE_DIR", "/x/y")::get)).isEqualTo(Path.of("/x/y"));
    if (!System.getProperty("os.name").toLowerCase().contains("win")
        && !System.getProperty("os.name").toLowerCase().contains("mac")) {
      assertThat(GalleryCache.userCacheDir(Map.of("XDG_CACHE_HOME", "/c")::get)).isEqualTo(Path.of("/c/pvit"));
      assertThat(GalleryCache.userCacheDir(k -> null))
          .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "pvit"));
    }
  }
}
