package io.newspipe.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds {@link Settings} from the three layers, lowest first: YAML file, {@code NEWSPIPE_*}
 * environment, flags. Unknown keys in the file are an error that names the key (typos should not
 * silently fall back to defaults); unknown environment variables are ignored because shells and CI
 * export many {@code NEWSPIPE_*} variables for other purposes.
 */
public final class ConfigLoader {

  /** File read when no {@code --config} is given and it exists in the working directory. */
  public static final Path DEFAULT_FILE = Path.of("newspipe.yaml");

  private static final String ENV_PREFIX = "NEWSPIPE_";

  private ConfigLoader() {}

  public static Settings load(Path explicitFile, Map<String, String> env, Map<String, ?> flags) {
    Map<String, Object> values = new LinkedHashMap<>();
    Path file = explicitFile;
    if (file == null && Files.isRegularFile(DEFAULT_FILE)) {
      file = DEFAULT_FILE;
    }
    if (file != null) {
      values.putAll(readYaml(file));
    }
    values.putAll(fromEnvironment(env));
    flags.forEach(
        (k, v) -> {
          if (v != null) {
            values.put(k, v);
          }
        });
    try {
      return new Settings(values);
    } catch (ConfigException e) {
      String where = file == null ? "" : " (file " + file + ", environment NEWSPIPE_*, flags)";
      throw new ConfigException("invalid configuration" + where + ": " + e.getMessage());
    }
  }

  static Map<String, Object> readYaml(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "config file " + file + " does not exist; create it or drop --config to use defaults");
    }
    Object tree;
    try {
      tree = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, Object> flat = new LinkedHashMap<>();
    if (tree == null) {
      return flat;
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new ConfigException("config file " + file + " must be a YAML mapping of keys");
    }
    flatten("", map, flat);
    for (String key : flat.keySet()) {
      if (!key.startsWith(Settings.KAFKA_PREFIX) && !Settings.DEFINITION.names().contains(key)) {
        throw new ConfigException(
            "unknown key '"
                + key
                + "' in "
                + file
                + "; known keys: "
                + String.join(", ", Settings.DEFINITION.names()));
      }
    }
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
    map.forEach(
        (k, v) -> {
          String key = prefix + k;
          if (v instanceof Map<?, ?> nested) {
            flatten(key + ".", nested, out);
          } else if (v instanceof List<?> list) {
            out.put(key, list.stream().map(ConfigLoader::listItem).toList());
          } else {
            out.put(key, v == null ? null : String.valueOf(v));
          }
        });
  }

  /**
   * A list item as text. A map (such as a feed, {@code {id: bbc, url: https://…}}) becomes {@code
   * id=bbc;url=https://…}, the compact form its setting parses, so lists of objects fit the flat
   * key/value settings.
   */
  private static String listItem(Object item) {
    if (item instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder();
      map.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
      return sb.toString();
    }
    return String.valueOf(item);
  }

  static Map<String, Object> fromEnvironment(Map<String, String> env) {
    Map<String, Object> values = new LinkedHashMap<>();
    env.forEach(
        (name, value) -> {
          if (!name.startsWith(ENV_PREFIX)) {
            return;
          }
          String key =
              name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
          // keys may be camel-cased (sources.followLinks): match them regardless of case
          String defined =
              Settings.DEFINITION.names().stream()
                  .filter(k -> k.equalsIgnoreCase(key))
                  .findFirst()
                  .orElse(null);
          if (defined != null) {
            values.put(defined, value);
          } else if (key.startsWith(Settings.KAFKA_PREFIX)) {
            values.put(key, value);
          }
        });
    return values;
  }
}
