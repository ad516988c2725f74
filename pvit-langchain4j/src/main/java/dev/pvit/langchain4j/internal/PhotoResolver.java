package dev.pvit.langchain4j.internal;

import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Opens the photos that a model names in tool calls, and only those the application allows: files
 * whose real path (symbolic links resolved) lies inside one of the allowed folders, and, if the
 * application configured URL prefixes, http(s) URLs under one of them.
 *
 * <p>Refused: {@code ..} segments, absolute paths outside the folders, links that lead outside,
 * directories and special files, files without an image extension or whose bytes are not an image,
 * other URL schemes ({@code file:}, {@code jar:}, ...), URLs with user info or encoded dots or
 * slashes, and redirects. Relative paths are looked up in the allowed folders in order.
 */
public final class PhotoResolver {
  /** Longest accepted reference, in characters. */
  static final int MAX_REFERENCE_LENGTH = 1024;

  private static final Set<String> IMAGE_EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp", "tif", "tiff");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
  private static final Pattern ENCODED_DOT_OR_SLASH = Pattern.compile("(?i)%2e|%2f|%5c");

  /** A photo that passed the checks. */
  public record Photo(String source, ImageInput image) {}

  private final List<Path> folders;
  private final List<Path> realFolders;
  private final List<URI> urlPrefixes;
  private final Duration urlTimeout;
  private final HttpClient http;

  /**
   * Creates a resolver.
   *
   * @param folders allowed folders; each must exist
   * @param urlPrefixes allowed http(s) URL prefixes (empty: no URLs)
   * @param urlTimeout timeout for connecting to and downloading from an allowed URL
   * @throws IllegalArgumentException if a folder does not exist or a prefix is not an http(s) URL
   */
  public PhotoResolver(List<Path> folders, List<URI> urlPrefixes, Duration urlTimeout) {
    this.folders = new ArrayList<>();
    this.realFolders = new ArrayList<>();
    for (Path f : folders) {
      Path abs = f.toAbsolutePath().normalize();
      try {
        this.realFolders.add(abs.toRealPath());
      } catch (IOException e) {
        throw new IllegalArgumentException("Photo folder '" + f + "' does not exist or cannot be read.", e);
      }
      if (!Files.isDirectory(abs)) {
        throw new IllegalArgumentException("Photo folder '" + f + "' is not a directory.");
      }
      this.folders.add(abs);
    }
    for (URI u : urlPrefixes) {
      if (!isHttp(u) || u.getHost() == null || u.getRawUserInfo() != null) {
        throw new IllegalArgumentException("URL prefix '" + u + "' must be an http(s) URL with a host and no user info.");
      }
    }
    this.urlPrefixes = List.copyOf(urlPrefixes);
    this.urlTimeout = urlTimeout;
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(urlTimeout).build();
  }

  /**
   * Opens a photo named in a tool call.
   *
   * @param reference a path (relative to an allowed folder, or absolute inside one) or an allowed URL
   * @return the photo
   * @throws PhotoAccessException if the reference is refused or cannot be read as an image
   */
  public Photo open(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new PhotoAccessException("No photo was given; pass a photo path.");
    }
    String ref = reference.strip();
    if (ref.length() > MAX_REFERENCE_LENGTH) {
      throw new PhotoAccessException("The photo reference is longer than " + MAX_REFERENCE_LENGTH + " characters.");
    }
    for (int i = 0; i < ref.length(); i++) {
      if (Character.isISOControl(ref.charAt(i))) {
        throw new PhotoAccessException("The photo reference contains a control character.");
      }
    }
    if (SCHEME.matcher(ref).matches()) {
      return openUrl(ref);
    }
    return openFile(ref);
  }

  private Photo openFile(String ref) {
    if (ref.indexOf('\\') >= 0) {
      throw new PhotoAccessException("Photo paths use '/' as separator; '\\' is not accepted.");
    }
    Path given;
    try {
      given = Path.of(ref);
    } catch (InvalidPathException e) {
      throw new PhotoAccessException("'" + ref + "' is not a valid path.");
    }
    for (Path part : given) {
      if (part.toString().equals("..")) {
        throw new PhotoAccessException("Photo paths must not contain '..'.");
      }
    }
    List<Path> candidates = new ArrayList<>();
    if (given.isAbsolute()) {
      Path p = given.normalize();
      if (folders.stream().noneMatch(p::startsWith) && realFolders.stream().noneMatch(p::startsWith)) {
        throw new PhotoAccessException("'" + ref + "' is outside the photo folders this application allows.");
      }
      candidates.add(p);
    } else {
      folders.forEach(f -> candidates.add(f.resolve(given).normalize()));
    }
    for (Path candidate : candidates) {
      if (!Files.exists(candidate)) {
        continue;
      }
      Path real;
      try {
        real = candidate.toRealPath();
      } catch (IOException e) {
        continue;
      }
      if (realFolders.stream().noneMatch(real::startsWith)) {
        throw new PhotoAccessException("'" + ref + "' links to a place outside the allowed photo folders.");
      }
      if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
        throw new PhotoAccessException("'" + ref + "' is not a photo file.");
      }
      String fileName = real.getFileName().toString();
      int dot = fileName.lastIndexOf('.');
      String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (!IMAGE_EXTENSIONS.contains(ext)) {
        throw new PhotoAccessException("'" + ref + "' is not an image file (accepted: .jpg, .jpeg, .png, .gif, "
            + ".bmp, .webp, .tif, .tiff).");
      }
      // NOFOLLOW_LINKS: the checked real path is opened, not a link swapped in after the check.
      try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
        return new Photo(ref, ImageInput.of(in, ref));
      } catch (IOException e) {
        throw new PhotoAccessException("'" + ref + "' cannot be read.");
      } catch (InvalidImageException e) {
        throw new PhotoAccessException("'" + ref + "' is not a readable image: " + e.getMessage());
      }
    }
    throw new PhotoAccessException("No photo '" + ref + "' was found in the allowed photo folders.");
  }

  private Photo openUrl(String ref) {
    URI uri;
    try {
      uri = new URI(ref);
    } catch (URISyntaxException e) {
      throw new PhotoAccessException("'" + ref + "' is not a valid URL.");
    }
    if (!isHttp(uri)) {
      throw new PhotoAccessException("Only photo paths" + (urlPrefixes.isEmpty() ? "" : " and http(s) URLs")
          + " are accepted, not '" + uri.getScheme() + ":' references.");
    }
    if (urlPrefixes.isEmpty()) {
      throw new PhotoAccessException("This application does not allow photo URLs; pass a photo path.");
    }
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (uri.getHost() == null || uri.getRawUserInfo() != null || ENCODED_DOT_OR_SLASH.matcher(rawPath).find()
        || rawPath.contains("/../") || rawPath.endsWith("/..") || rawPath.contains("/./")) {
      throw new PhotoAccessException("'" + ref + "' is not an allowed photo URL.");
    }
    if (urlPrefixes.stream().noneMatch(p -> under(uri, p))) {
      throw new PhotoAccessException("'" + ref + "' is not under a photo URL this application allows.");
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(urlTimeout).GET().build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new PhotoAccessException("'" + ref + "' answered HTTP " + response.statusCode() + ", not a photo.");
        }
        return new Photo(ref, ImageInput.of(in, ref));
      }
    } catch (IOException e) {
      throw new PhotoAccessException("'" + ref + "' could not be downloaded (" + e.getClass().getSimpleName() + ").");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PhotoAccessException("Downloading '" + ref + "' was interrupted.");
    } catch (InvalidImageException e) {
      throw new PhotoAccessException("'" + ref + "' is not a readable image: " + e.getMessage());
    }
  }

  private static boolean isHttp(URI u) {
    String s = u.getScheme();
    return s != null && (s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https"));
  }

  private static boolean under(URI uri, URI prefix) {
    String prefixPath = prefix.getRawPath() == null || prefix.getRawPath().isEmpty() ? "/" : prefix.getRawPath();
    if (!prefixPath.endsWith("/")) {
      prefixPath += "/";
    }
    return uri.getScheme().equalsIgnoreCase(prefix.getScheme())
        && uri.getHost().equalsIgnoreCase(prefix.getHost())
        && port(uri) == port(prefix)
        && uri.getRawPath() != null && uri.getRawPath().startsWith(prefixPath);
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }
}
