package io.newspipe.enrich.taxonomy;

import io.newspipe.enrich.classify.LinearModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The tag definitions and gazetteer the tagger works from, loaded from YAML and validated. A
 * default ships as the resource {@code io/newspipe/enrich/taxonomy.yaml}; {@code --taxonomy FILE}
 * loads another with {@link #load(Path)}. Every tagged article records {@link #version()}, so
 * re-tagging can tell which articles an older taxonomy produced.
 */
public final class Taxonomy {

  /** Classpath location of the default taxonomy. */
  public static final String DEFAULT_RESOURCE = "io/newspipe/enrich/taxonomy.yaml";

  private final String source;
  private final String version;
  private final List<TagDefinition> tags;
  private final List<Place> gazetteer;

  Taxonomy(String source, String version, List<TagDefinition> tags, List<Place> gazetteer) {
    this.source = source;
    this.version = version;
    this.tags = List.copyOf(tags);
    this.gazetteer = List.copyOf(gazetteer);
  }

  /** The taxonomy shipped with newspipe. */
  public static Taxonomy loadDefault() {
    String source = "classpath:" + DEFAULT_RESOURCE;
    InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) {
      throw new IllegalStateException(
          source + " is missing from the classpath: rebuild the newspipe-enrich jar");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return new TaxonomyParser(source, Taxonomy::readModelResource).parse(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  /** A taxonomy from a YAML file; a {@link TaxonomyException} says what to fix if it is invalid. */
  public static Taxonomy load(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new TaxonomyParser(
              file.toString(),
              name -> {
                try (BufferedReader in =
                    Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8)) {
                  return LinearModel.read(in, dir.resolve(name).toString());
                }
              })
          .parse(reader);
    } catch (IOException e) {
      throw new TaxonomyException(
          file.toString(),
          0,
          null,
          "cannot read the file ("
              + e
              + "): check the path given to --taxonomy and that it is readable",
          e);
    }
  }

  /** A taxonomy from YAML text; {@code source} names it in error messages. */
  public static Taxonomy parse(Reader yaml, String source) {
    return new TaxonomyParser(source, null).parse(yaml);
  }

  private static LinearModel readModelResource(String name) throws IOException {
    String resource = DEFAULT_RESOURCE.substring(0, DEFAULT_RESOURCE.lastIndexOf('/') + 1) + name;
    InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException(
          "classpath:" + resource + " is missing: rebuild the newspipe-enrich jar");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return LinearModel.read(reader, "classpath:" + resource);
    }
  }

  public String version() {
    return version;
  }

  /** Where the taxonomy was loaded from (a path or {@code classpath:...}). */
  public String source() {
    return source;
  }

  /** Tag ids in file order. */
  public List<String> tagIds() {
    return tags.stream().map(TagDefinition::id).toList();
  }

  public List<TagDefinition> tags() {
    return tags;
  }

  public Optional<TagDefinition> tag(String id) {
    return tags.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public List<Place> gazetteer() {
    return gazetteer;
  }
}
