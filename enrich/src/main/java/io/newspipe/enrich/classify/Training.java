package io.newspipe.enrich.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fits a {@link LinearModel} with LIBLINEAR's L2-regularised logistic regression (deterministic:
 * its random order is reset before every fit). Features seen in fewer than {@code minCount}
 * training articles are left out, so one author's names and places cannot carry weight.
 */
public final class Training {

  /** One training article: its features and whether it carries the tag. */
  public record Example(Set<String> features, boolean positive) {}

  private Training() {}

  public static LinearModel fit(List<Example> examples, double c, int minCount) {
    Map<String, Integer> counts = new HashMap<>();
    for (Example e : examples) {
      e.features().forEach(f -> counts.merge(f, 1, Integer::sum));
    }
    Map<String, Integer> index = new TreeMap<>();
    counts.forEach(
        (f, n) -> {
          if (n >= minCount) {
            index.put(f, 0);
          }
        });
    int next = 1;
    for (Map.Entry<String, Integer> e : index.entrySet()) {
      e.setValue(next++);
    }
    int biasIndex = next;
    Problem problem = new Problem();
    problem.l = examples.size();
    problem.n = biasIndex;
    problem.bias = 1;
    problem.x = new Feature[examples.size()][];
    problem.y = new double[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      double value = 1 / Math.sqrt(Math.max(1, e.features().size()));
      List<Feature> nodes = new ArrayList<>();
      for (String f : e.features()) { // sorted: Features.of gives a TreeSet
        Integer at = index.get(f);
        if (at != null) {
          nodes.add(new FeatureNode(at, value));
        }
      }
      nodes.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
      nodes.add(new FeatureNode(biasIndex, 1));
      problem.x[i] = nodes.toArray(new Feature[0]);
      problem.y[i] = e.positive() ? 1 : 0;
    }
    Linear.setDebugOutput(null);
    Linear.resetRandom();
    Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, c, 0.001));
    double[] w = model.getFeatureWeights();
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    Map<String, Double> weights = new TreeMap<>();
    for (Map.Entry<String, Integer> e : index.entrySet()) {
      double weight = sign * w[e.getValue() - 1];
      if (Math.abs(weight) >= 1e-4) {
        weights.put(e.getKey(), Math.round(weight * 1e6) / 1e6);
      }
    }
    return new LinearModel(Math.round(sign * w[biasIndex - 1] * 1e6) / 1e6, weights);
  }
}
