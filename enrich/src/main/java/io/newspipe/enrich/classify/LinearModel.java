package io.newspipe.enrich.classify;

import io.newspipe.enrich.tagging.RuleScore;
import io.newspipe.enrich.text.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A logistic-regression model over binary {@link Features}: {@code p = 1 / (1 + e^-(bias + sum of
 * the weights of the present features / sqrt(number of present features)))}. Written as text, one
 * {@code feature<TAB>weight} line per feature after a {@code #bias<TAB>value} line, so a model can
 * be read, diffed and reviewed like the taxonomy it works beside.
 */
public final class LinearModel {

  private final double bias;
  // The features by name, sorted, with their weights; the map view is built on first use
  // (training and explanations), tagging needs only the table.
  private final String[] names;
  private final double[] values;
  private volatile Map<String, Double> weights;
  // The weights by Features.key, open addressing with each key beside its weight's bits (one cache
  // line per probe), key 0 (never a feature's hash in practice) kept apart: the tagging path.
  private final long[] table;
  private final double zeroWeight;

  public LinearModel(double bias, Map<String, Double> weights) {
    this(bias, sortedNames(weights), weights);
  }

  private LinearModel(double bias, String[] names, Map<String, Double> weights) {
    this(bias, names, valuesOf(names, weights));
  }

  private LinearModel(double bias, String[] names, double[] values) {
    this.bias = bias;
    this.names = names;
    this.values = values;
    int slots = Integer.highestOneBit(Math.max(2, names.length) * 2 - 1) << 1;
    table = new long[2 * slots];
    double zero = 0;
    int mask = slots - 1;
    for (int i = 0; i < names.length; i++) {
      long key = Features.key(names[i]);
      if (key == 0) {
        zero += values[i];
        continue;
      }
      int at = (int) (Features.mix(key) & mask);
      while (table[2 * at] != 0 && table[2 * at] != key) {
        at = (at + 1) & mask;
      }
      // two names with one key share it, as a sum
      double sum = Double.longBitsToDouble(table[2 * at + 1]) + values[i];
      table[2 * at] = key;
      table[2 * at + 1] = Double.doubleToRawLongBits(sum);
    }
    zeroWeight = zero;
  }

  private static String[] sortedNames(Map<String, Double> weights) {
    String[] names = weights.keySet().toArray(new String[0]);
    Arrays.sort(names);
    return names;
  }

  private static double[] valuesOf(String[] names, Map<String, Double> weights) {
    double[] values = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = weights.get(names[i]);
    }
    return values;
  }

  public double bias() {
    return bias;
  }

  /** The weights by feature name, unmodifiable. */
  public Map<String, Double> weights() {
    Map<String, Double> map = weights;
    if (map == null) {
      Map<String, Double> built = new HashMap<>(2 * names.length);
      for (int i = 0; i < names.length; i++) {
        built.put(names[i], values[i]);
      }
      map = Collections.unmodifiableMap(built);
      weights = map;
    }
    return map;
  }

  /** The probability that an article with these features carries the tag. */
  public double probability(Collection<String> features) {
    return 1 / (1 + Math.exp(-margin(features)));
  }

  /** As {@link #probability(Collection)} for the distinct keys of {@link Features#keys}. */
  public double probability(long[] features) {
    double sum = 0;
    for (long f : features) {
      sum += weight(f);
    }
    return 1 / (1 + Math.exp(-margin(sum, features.length)));
  }

  /** As {@link #probability(Collection)} for an article's tokens and its rules' findings. */
  public double probability(List<Token> headline, List<Token> body, RuleScore rules) {
    double[] sum = {0};
    int[] n = {0};
    Features.forEachKey(
        headline,
        body,
        rules,
        key -> {
          sum[0] += weight(key);
          n[0]++;
        });
    return 1 / (1 + Math.exp(-margin(sum[0], n[0])));
  }

  /** The weight of the feature with this {@link Features#key}, 0 when the model has none. */
  public double weight(long key) {
    if (key == 0) {
      return zeroWeight;
    }
    int mask = table.length / 2 - 1;
    int at = (int) (Features.mix(key) & mask);
    long found;
    while ((found = table[2 * at]) != 0) {
      if (found == key) {
        return Double.longBitsToDouble(table[2 * at + 1]);
      }
      at = (at + 1) & mask;
    }
    return 0;
  }

  public double margin(Collection<String> features) {
    double sum = 0;
    for (String f : features) {
      sum += weights().getOrDefault(f, 0.0);
    }
    return margin(sum, features.size());
  }

  /** {@code bias + sum / sqrt(n)}: the summed weights of n present features, scaled. */
  private double margin(double sum, int n) {
    return n == 0 ? bias : bias + sum / Math.sqrt(n);
  }

  public void write(Writer out) throws IOException {
    write(out, List.of());
  }

  /** Writes the model after {@code notes}, each on a {@code # } comment line. */
  public void write(Writer out, List<String> notes) throws IOException {
    for (String note : notes) {
      out.write("# " + note.replace('\n', ' ') + "\n");
    }
    out.write("#bias\t" + format(bias) + "\n");
    for (int i = 0; i < names.length; i++) { // sorted by name
      out.write(names[i] + "\t" + format(values[i]) + "\n");
    }
  }

  /** The {@code # } comment lines at the head of a model file, without the mark. */
  public static List<String> notes(BufferedReader in) throws IOException {
    List<String> notes = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null && line.startsWith("# ")) {
      notes.add(line.substring(2));
    }
    return notes;
  }

  public static LinearModel read(BufferedReader in, String source) throws IOException {
    double bias = 0;
    List<String> names = new ArrayList<>(32_768);
    double[] values = new double[32_768];
    String line;
    int n = 0;
    boolean sorted = true;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("# ")) {
        continue; // a comment: how the model was made
      }
      int tab = line.lastIndexOf('\t');
      if (tab <= 0) {
        throw new IOException(source + ":" + n + ": expected feature<TAB>weight");
      }
      double value = number(line, tab + 1);
      if (Double.isNaN(value)) {
        throw new IOException(source + ":" + n + ": not a number: " + line.substring(tab + 1));
      }
      String feature = line.substring(0, tab);
      if (feature.equals("#bias")) {
        bias = value;
        continue;
      }
      if (!names.isEmpty() && names.get(names.size() - 1).compareTo(feature) >= 0) {
        sorted = false; // written by hand, or by another tool: sorted below
      }
      if (names.size() == values.length) {
        values = Arrays.copyOf(values, 2 * values.length);
      }
      values[names.size()] = value;
      names.add(feature);
    }
    if (!sorted) {
      Map<String, Double> weights = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        weights.put(names.get(i), values[i]);
      }
      return new LinearModel(bias, weights);
    }
    return new LinearModel(bias, names.toArray(new String[0]), Arrays.copyOf(values, names.size()));
  }

  /**
   * The decimal at {@code from} to the end of the line: {@code -?digits.digits} (as {@link #write}
   * gives them) read directly, anything else by {@link Double#parseDouble}; NaN if not a number. Up
   * to 15 digits, digits / 10^decimals is the nearest double, as parseDouble would give.
   */
  private static double number(String line, int from) {
    int i = from;
    boolean negative = i < line.length() && line.charAt(i) == '-';
    if (negative) {
      i++;
    }
    long digits = 0;
    int count = 0;
    int decimals = -1;
    for (; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = 10 * digits + (c - '0');
        count++;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (c == '.' && decimals < 0) {
        decimals = 0;
      } else {
        break;
      }
    }
    if (i == line.length() && count > 0 && count <= 15 && decimals > 0 && decimals <= 15) {
      double value = digits / POWERS[decimals];
      return negative ? -value : value;
    }
    try {
      double value = Double.parseDouble(line.substring(from));
      return Double.isNaN(value) ? Double.NaN : value;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static final double[] POWERS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}
