package io.newspipe.app.run;

import io.newspipe.app.config.Settings;
import io.newspipe.enrich.taxonomy.Taxonomy;
import java.nio.file.Path;

/** Loads the configured taxonomy, or the built-in one. */
public final class Taxonomies {
  private Taxonomies() {}

  public static Taxonomy load(Settings settings) {
    String file = settings.getString(Settings.TAXONOMY);
    return file.isBlank() ? Taxonomy.loadDefault() : Taxonomy.load(Path.of(file));
  }
}
