package dev.pvit.langchain4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pvit.image.ImageInput;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The photo allow-list: only image files whose real path is inside an allowed folder open; hostile
 * references from a model's tool call never read anything else.
 *
 * <p>Layout: {@code base/photos} is allowed and holds {@code ok.jpg}, {@code sub/deep.png}, a text
 * file, a text file named {@code fake.jpg}, a link to an inside photo and links that escape to
 * {@code base/secret} (a photo and a text file there) and to {@code /etc}.
 */
class PhotoResolverTest {
  private static Path base;
  private static Path photos;
  private static Path secret;
  private static PhotoResolver resolver;

  @BeforeContainer
  static void layout() throws IOException {
    base = Files.createTempDirectory("pvit-photos").toRealPath();
    photos = Files.createDirectories(base.resolve("photos"));
    secret = Files.createDirectories(base.resolve("secret"));
    byte[] png = ImageInput.of(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "x.png").bytes();
    Files.write(photos.resolve("ok.jpg"), png);
    Files.createDirectories(photos.resolve("sub"));
    Files.write(photos.resolve("sub/deep.png"), png);
    Files.writeString(photos.resolve("notes.txt"), "not a photo");
    Files.writeString(photos.resolve("fake.jpg"), "not a photo either");
    Files.write(secret.resolve("private.jpg"), png);
    Files.writeString(secret.resolve("passwords.txt"), "hunter2");
    Files.createSymbolicLink(photos.resolve("inside-link.jpg"), photos.resolve("ok.jpg"));
    Files.createSymbolicLink(photos.resolve("escape.jpg"), secret.resolve("private.jpg"));
    Files.createSymbolicLink(photos.resolve("escape-dir"), secret);
    Files.createSymbolicLink(photos.resolve("etc"), Path.of("/etc"));
    resolver = new PhotoResolver(List.of(photos), List.of(), Duration.ofSeconds(2));
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var walk = Files.walk(base)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  @Property(tries = 400)
  void a_hostile_reference_never_opens_anything_outside_the_allowed_folder(
      @ForAll("hostileReferences") String reference) throws IOException {
    PhotoResolver.Photo photo;
    try {
      photo = resolver.open(reference);
    } catch (PhotoAccessException refused) {
      // The message may echo what the model sent, but never reveals where a link leads or file content.
      assertThat(refused.getMessage()).isNotBlank().doesNotContain("hunter2");
      if (!reference.contains("secret")) {
        assertThat(refused.getMessage()).doesNotContain(secret.toString());
      }
      return;
    }
    // Whatever opened must be one of the two real photos inside the folder.
    byte[] inside = Files.readAllBytes(photos.resolve("ok.jpg"));
    assertThat(photo.image().bytes()).isEqualTo(inside);
    String ref = reference.strip();
    assertThat(ref).doesNotContain("..").doesNotContain("secret").doesNotContain("escape").doesNotContain("etc");
    // The resolver normalises lexically ("ok.jpg/." is ok.jpg), so the check does too before asking the file system.
    Path resolved = (ref.startsWith("/") ? Path.of(ref) : photos.resolve(ref)).normalize().toRealPath();
    assertThat(resolved).startsWith(photos);
  }

  @Provide
  Arbitrary<String> hostileReferences() {
    Arbitrary<String> segment = Arbitraries.of("..", ".", "", "ok.jpg", "sub", "deep.png", "notes.txt", "fake.jpg",
        "escape.jpg", "escape-dir", "private.jpg", "passwords.txt", "etc", "passwd", "inside-link.jpg", "%2e%2e",
        "..%2f", "~", "\\..\\", "photos", "secret", "\u0000", "\n", " ", "nonexistent.jpg");
    Arbitrary<String> relative = segment.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("/", l));
    Arbitrary<String> prefix = Arbitraries.of("", "/", photos.toString() + "/", base.toString() + "/",
        secret.toString() + "/", "/etc/", "file://", "file:", "jar:file:", "http://127.0.0.1/", "https://evil.example/",
        "C:\\", "//", "./", "../");
    return Arbitraries.oneOf(
        Combinators.combine(prefix, relative).as((p, r) -> p + r),
        Arbitraries.strings().ofMaxLength(40));
  }

  @Property(tries = 50)
  void allowed_photos_open_by_relative_or_absolute_path(
      @ForAll("allowedReferences") String reference) {
    assertThat(resolver.open(reference).image().format()).isNotNull();
  }

  @Provide
  Arbitrary<String> allowedReferences() {
    return Arbitraries.of("ok.jpg", "sub/deep.png", "./ok.jpg", "inside-link.jpg", photos.resolve("ok.jpg").toString(),
        photos.resolve("sub/deep.png").toString(), " ok.jpg ", "sub//deep.png");
  }

  @net.jqwik.api.Example
  void each_refusal_says_why() {
    assertThatThrownBy(() -> resolver.open("../secret/private.jpg")).hasMessageContaining("'..'");
    assertThatThrownBy(() -> resolver.open(secret.resolve("private.jpg").toString()))
        .hasMessageContaining("outside the photo folders");
    assertThatThrownBy(() -> resolver.open("escape.jpg")).hasMessageContaining("outside the allowed photo folders");
    assertThatThrownBy(() -> resolver.open("escape-dir/private.jpg"))
        .hasMessageContaining("outside the allowed photo folders");
    assertThatThrownBy(() -> resolver.open("etc/passwd")).hasMessageContaining("outside the allowed photo folders");
    assertThatThrownBy(() -> resolver.open("notes.txt")).hasMessageContaining("not an image file");
    assertThatThrownBy(() -> resolver.open("fake.jpg")).hasMessageContaining("not a readable image");
    assertThatThrownBy(() -> resolver.open("sub")).hasMessageContaining("not a photo file");
    assertThatThrownBy(() -> resolver.open("missing.jpg")).hasMessageContaining("was found");
    assertThatThrownBy(() -> resolver.open("file:///etc/passwd")).hasMessageContaining("'file:'");
    assertThatThrownBy(() -> resolver.open("https://example.com/a.jpg")).hasMessageContaining("does not allow photo URLs");
    assertThatThrownBy(() -> resolver.open("  ")).hasMessageContaining("No photo");
  }

  @net.jqwik.api.Example
  void urls_open_only_under_an_allowed_prefix_and_redirects_are_not_followed() throws IOException {
    byte[] png = Files.readAllBytes(photos.resolve("ok.jpg"));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getRawPath();
      if (path.equals("/album/redirect.jpg")) {
        exchange.getResponseHeaders().add("Location", "/private/a.jpg");
        exchange.sendResponseHeaders(302, -1);
      } else if (path.startsWith("/album/") || path.startsWith("/private/")) {
        exchange.sendResponseHeaders(200, png.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(png);
        }
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
      exchange.close();
    });
    server.start();
    try {
      String root = "http://127.0.0.1:" + server.getAddress().getPort();
      PhotoResolver web = new PhotoResolver(List.of(photos), List.of(URI.create(root + "/album/")), Duration.ofSeconds(2));
      assertThat(web.open(root + "/album/beach.jpg").image().bytes()).isEqualTo(png);
      assertThat(web.open("ok.jpg").image().bytes()).isEqualTo(png);
      assertThatThrownBy(() -> web.open(root + "/private/a.jpg")).isInstanceOf(PhotoAccessException.class);
      assertThatThrownBy(() -> web.open(root + "/album/../private/a.jpg")).isInstanceOf(PhotoAccessException.class);
      assertThatThrownBy(() -> web.open(root + "/album/%2e%2e/private/a.jpg")).isInstanceOf(PhotoAccessException.class);
      assertThatThrownBy(() -> web.open(root + "/albumx/a.jpg")).isInstanceOf(PhotoAccessException.class);
      assertThatThrownBy(() -> web.open("http://user@127.0.0.1:" + server.getAddress().getPort() + "/album/a.jpg"))
          .isInstanceOf(PhotoAccessException.class);
      assertThatThrownBy(() -> web.open(root.replace("127.0.0.1", "localhost") + "/album/a.jpg"))
          .isInstanceOf(PhotoAccessException.class);
      assertThatThrownBy(() -> web.open(root + "/album/redirect.jpg")).hasMessageContaining("HTTP 302");
    } finally {
      server.stop(0);
    }
  }
}
