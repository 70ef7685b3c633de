package io.newspipe.enrich.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Collection;
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
  private final long[] keys;
  private final double[] values;

  public LinearModel(double bias, Map<String, Double> weights) {
    this.bias = bias;
    this.weights = Map.copyOf(weights);
    TreeMap<Long, Double> sorted = new TreeMap<>();
    weights.forEach((f, w) -> sorted.merge(Features.key(f), w, Double::sum));
    keys = new long[sorted.size()];
    values = new double[sorted.size()];
    int i = 0;
    for (Map.Entry<Long, Double> e : sorted.entrySet()) {
      keys[i] = e.getKey();
      values[i++] = e.getValue();
    }
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

  /** As {@link #probability(Collection)} for the sorted distinct keys of {@link Features#keys}. */
  public double probability(long[] features) {
    double sum = 0;
    for (long f : features) {
      sum += weight(f);
    }
    return 1 / (1 + Math.exp(-margin(sum, features.length)));
  }

  /** The weight of the feature with this {@link Features#key}, 0 when the model has none. */
  public double weight(long key) {
    int at = Arrays.binarySearch(keys, key);
    return at >= 0 ? values[at] : 0;
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
    out.write("#bias\t" + format(bias) + "\n");
    for (Map.Entry<String, Double> e : new TreeMap<>(weights).entrySet()) {
      out.write(e.getKey() + "\t" + format(e.getValue()) + "\n");
    }
  }

  public static LinearModel read(BufferedReader in, String source) throws IOException {
    double bias = 0;
    Map<String, Double> weights = new TreeMap<>();
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
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
