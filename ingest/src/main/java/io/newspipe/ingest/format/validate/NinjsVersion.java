package io.newspipe.ingest.format.validate;

import java.util.Locale;
import java.util.Optional;

/**
 * The published ninjs versions newspipe validates against, and the two development drafts IPTC
 * publishes beside them ({@code ninjs-schema-dev}, which add {@code advices} to 1.5 and 2.1).
 *
 * <p>Generation 1 (1.x) spells properties in lower case with single values ({@code headline},
 * {@code body_text}, {@code person}); generation 2 uses arrays of role-qualified values ({@code
 * headlines}, {@code bodies}, {@code people}); generation 3 spells the same in camelCase ({@code
 * versionCreated}, {@code altIds}) and adds events and planning.
 */
public enum NinjsVersion {
  V1_0(1, 0, false),
  V1_1(1, 1, false),
  V1_2(1, 2, false),
  V1_3(1, 3, false),
  V1_4(1, 4, false),
  V1_5(1, 5, false),
  V1_6(1, 6, false),
  V1_DEV(1, 5, true),
  V2_0(2, 0, false),
  V2_1(2, 1, false),
  V2_2(2, 2, false),
  V2_DEV(2, 1, true),
  V3_0(3, 0, false),
  V3_1(3, 1, false);

  private final int major;
  private final int minor;
  private final boolean dev;

  NinjsVersion(int major, int minor, boolean dev) {
    this.major = major;
    this.minor = minor;
    this.dev = dev;
  }

  /** The version as IPTC writes it: {@code "1.3"}, or {@code "1.x-dev"} for a draft. */
  public String label() {
    return dev ? major + ".x-dev" : major + "." + minor;
  }

  /** 1, 2 or 3. */
  public int generation() {
    return major;
  }

  /** True for the development drafts. */
  public boolean dev() {
    return dev;
  }

  /**
   * True if this version has everything {@code major.minor} introduced (a draft counts as the
   * release it extends).
   */
  boolean atLeast(int major, int minor) {
    return this.major == major && this.minor >= minor;
  }

  /**
   * Whether {@code format: date-time} is a rule. The schemas up to 1.4 and 2.0 are JSON Schema
   * drafts 3 and 4, under which IPTC's own test suite passes {@code "Last Tuesday"} ("this field is
   * not validated"); from 1.5 and 2.1 on (drafts 7 and 2020-12) the format is asserted.
   */
  boolean assertsDateTime() {
    return major == 3 || (major == 1 && minor >= 5) || (major == 2 && minor >= 1);
  }

  /**
   * The version named by {@code text}: {@code "1.3"}, {@code "ninjs 2.1"}, {@code "3.0"}, {@code
   * "1.x-dev"} (also {@code "1.x_dev"}).
   */
  public static Optional<NinjsVersion> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    if (s.startsWith("ninjs")) {
      s = s.substring("ninjs".length()).strip();
    }
    for (NinjsVersion v : values()) {
      if (v.label().equals(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "ninjs " + label();
  }
}
