package io.newspipe.app.run;

import io.newspipe.app.config.Settings;
import io.newspipe.enrich.taxonomy.Taxonomy;
import java.nio.file.Path;

/** Loads the configured taxonomy, or the built-in one. */
public final class Taxonomies {
  private Taxonomies() {}

  public static Taxonomy load(Settings settings) {
    String file = settings.getString(Settings.TAXONOMY);
    return load(file.isBlank() ? null : Path.of(file));
  }

  /** The taxonomy in {@code file}, or the built-in one when {@code file} is null. */
  public static Taxonomy load(Path file) {
    return file == null ? Taxonomy.loadDefault() : Taxonomy.load(file);
  }
}
