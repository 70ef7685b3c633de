package io.newspipe.enrich.classify;

import io.newspipe.enrich.tagging.RuleScore;
import io.newspipe.enrich.text.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A logistic-regression model over binary {@link Features}: {@code p = 1 / (1 + e^-(bias + sum of
 * the weights of the present features / sqrt(number of present features)))}. Written as text, one
 * {@code feature<TAB>weight} line per feature after a {@code #bias<TAB>value} line, so a model can
 * be read, diffed and reviewed like the taxonomy it works beside.
 */
public final class LinearModel {

  private final double bias;
  private final Map<String, Double> weights;
  // The weights by Features.key, open addressing with each key beside its weight's bits (one cache
  // line per probe), key 0 (never a feature's hash in practice) kept apart: the tagging path.
  private final long[] table;
  private final double zeroWeight;

  public LinearModel(double bias, Map<String, Double> weights) {
    this.bias = bias;
    this.weights = Map.copyOf(weights);
    int slots = Integer.highestOneBit(Math.max(2, weights.size()) * 2 - 1) << 1;
    table = new long[2 * slots];
    double zero = 0;
    int mask = slots - 1;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      long key = Features.key(e.getKey());
      if (key == 0) {
        zero += e.getValue();
        continue;
      }
      int at = (int) (Features.mix(key) & mask);
      while (table[2 * at] != 0 && table[2 * at] != key) {
        at = (at + 1) & mask;
      }
      // two names with one key share it, as a sum
      double sum = Double.longBitsToDouble(table[2 * at + 1]) + e.getValue();
      table[2 * at] = key;
      table[2 * at + 1] = Double.doubleToRawLongBits(sum);
    }
    zeroWeight = zero;
  }

  public double bias() {
    return bias;
  }

  public Map<String, Double> weights() {
    return weights;
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
      sum += weights.getOrDefault(f, 0.0);
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
    for (Map.Entry<String, Double> e : new TreeMap<>(weights).entrySet()) {
      out.write(e.getKey() + "\t" + format(e.getValue()) + "\n");
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
    Map<String, Double> weights = new HashMap<>(32_768);
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("# ")) {
        continue; // a comment: how the model was made
      }
      int tab = line.lastIndexOf('\t');
      if (tab <= 0) {
        throw new IOException(source + ":" + n + ": expected feature<TAB>weight");
      }
      double value;
      try {
        value = Double.parseDouble(line.substring(tab + 1));
      } catch (NumberFormatException e) {
        throw new IOException(source + ":" + n + ": not a number: " + line.substring(tab + 1));
      }
      String feature = line.substring(0, tab);
      if (feature.equals("#bias")) {
        bias = value;
      } else {
        weights.put(feature, value);
      }
    }
    return new LinearModel(bias, weights);
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}
