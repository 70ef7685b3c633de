package io.newspipe.ingest.format.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The content model of a NewsML-G2 element: an ordered sequence of particles, each one element name
 * (or a choice of names) with a minimum and maximum count, plus whether extension elements from
 * other namespaces may appear. Checking it reports missing, surplus, misplaced and foreign children
 * the way an XML Schema validator would.
 *
 * @param particles the sequence, in order
 * @param foreignAllowed whether children outside the NAR namespace may appear (the schema's {@code
 *     xs:any namespace="##other"} extension point)
 */
record G2Model(List<Particle> particles, boolean foreignAllowed) {

  static final int UNBOUNDED = Integer.MAX_VALUE;

  /** Exactly one {@code name}. */
  static Particle one(String name) {
    return new Particle(Set.of(name), 1, 1, "");
  }

  /** At most one {@code name}. */
  static Particle optional(String name) {
    return new Particle(Set.of(name), 0, 1, "");
  }

  /** Any number of the {@code names}, in any order among themselves. */
  static Particle any(String... names) {
    return new Particle(Set.of(names), 0, UNBOUNDED, "");
  }

  /** At least one of {@code name}. */
  static Particle some(String name) {
    return new Particle(Set.of(name), 1, UNBOUNDED, "");
  }

  static G2Model of(boolean foreignAllowed, Particle... particles) {
    return new G2Model(List.of(particles), foreignAllowed);
  }

  /** A model with {@code more} appended (an item's envelope followed by its body). */
  G2Model then(List<Particle> more) {
    List<Particle> all = new ArrayList<>(particles);
    all.addAll(more);
    return new G2Model(List.copyOf(all), foreignAllowed);
  }

  /** A child element and its path. */
  record Child(Element element, String path) {}

  /**
   * @param names the element names this particle accepts
   * @param min how many must appear at least
   * @param max how many may appear at most
   * @param note what a "missing" message adds, e.g. the version that made it required
   */
  record Particle(Set<String> names, int min, int max, String note) {

    Particle withMin(int newMin, String newNote) {
      return new Particle(names, newMin, max, newNote);
    }

    String describe() {
      List<String> sorted = new ArrayList<>(names);
      sorted.sort(null);
      return "<" + String.join("> or <", sorted) + ">";
    }
  }

  /**
   * Checks the children of an element against this model.
   *
   * @param where how messages name the parent, e.g. {@code <contentMeta> of a <catalogItem>}
   * @param children the NAR-namespace children to check, with their paths, in document order
   *     (unknown elements are reported elsewhere and left out)
   * @param foreign the paths of children from other namespaces
   */
  void check(String where, String path, List<Child> children, List<String> foreign, Problems out) {
    if (!foreignAllowed) {
      for (String f : foreign) {
        out.add(f, "elements from other namespaces are not allowed in " + where);
      }
    }
    int at = 0;
    int count = 0;
    for (Child child : children) {
      String name = child.element().getLocalName();
      int found = indexFrom(at, name);
      if (found < 0) {
        boolean earlier = indexFrom(0, name) >= 0;
        out.add(
            child.path(),
            earlier
                ? "<"
                    + name
                    + "> is out of order in "
                    + where
                    + ": it must come before "
                    + particles.get(at).describe()
                : "<" + name + "> is not allowed in " + where);
        continue;
      }
      if (found > at) {
        missing(at, found, count, path, out);
        at = found;
        count = 0;
      }
      count++;
      Particle p = particles.get(at);
      if (count == p.max() + 1) {
        out.add(
            child.path(),
            "<"
                + name
                + "> may appear only "
                + (p.max() == 1 ? "once" : p.max() + " times")
                + " in "
                + where);
      }
    }
    missing(at, particles.size(), count, path, out);
  }

  private int indexFrom(int from, String name) {
    for (int i = from; i < particles.size(); i++) {
      if (particles.get(i).names().contains(name)) {
        return i;
      }
    }
    return -1;
  }

  private void missing(int from, int to, int countAtFrom, String path, Problems out) {
    for (int i = from; i < to; i++) {
      Particle p = particles.get(i);
      int count = i == from ? countAtFrom : 0;
      if (count < p.min()) {
        out.add(path, "the required element " + p.describe() + " is missing" + p.note());
      }
    }
  }
}
