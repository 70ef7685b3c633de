package io.newspipe.ingest.format.validate;

import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The typed values of one NewsML-G2 element: its text where the schema gives it a date, time or
 * number type, its required attributes, and its attributes typed as QCodes, URIs, dates, counts,
 * percentages or booleans.
 */
final class G2Values {

  private static final List<String> DATE_TIMES = List.of("versionCreated", "firstCreated", "sent");
  private static final List<String> TRUNCATED_DATES =
      List.of("contentCreated", "contentModified", "born", "died", "founded", "dissolved");
  private static final List<String> ONE_TO_NINE = List.of("urgency", "priority");
  private static final String EXAMPLE = "2024-04-26T09:30:00Z";

  private G2Values() {}

  static void check(Element e, String path, Problems out) {
    text(e, path, out);
    for (String required : G2Rules.REQUIRED_ATTRIBUTES.getOrDefault(e.getLocalName(), List.of())) {
      if (!e.hasAttribute(required)) {
        out.add(path + "/@" + required, "the required attribute is missing");
      }
    }
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      if (a.getNamespaceURI() == null) {
        String problem = attribute(a.getName(), a.getValue());
        if (problem != null) {
          out.add(path + "/@" + a.getName(), problem);
        }
      }
    }
  }

  /** The value types of element text this validator checks. */
  private enum Kind {
    DATE_TIME,
    DATE_TIME_OR_EMPTY,
    DATE_OPT_TIME,
    TRUNCATED_DATE,
    ONE_TO_NINE
  }

  private static Kind kind(Element e) {
    String name = e.getLocalName();
    if (DATE_TIMES.contains(name)
        || (name.equals("timestamp")
            && e.getParentNode() instanceof Element parent
            && parent.getLocalName().equals("header"))) {
      return Kind.DATE_TIME;
    }
    if (TRUNCATED_DATES.contains(name)) {
      return Kind.TRUNCATED_DATE;
    }
    if (ONE_TO_NINE.contains(name)) {
      return Kind.ONE_TO_NINE;
    }
    return switch (name) {
      case "embargoed" -> Kind.DATE_TIME_OR_EMPTY;
      case "expires" -> Kind.DATE_OPT_TIME;
      default -> null;
    };
  }

  private static void text(Element e, String path, Problems out) {
    Kind kind = kind(e);
    if (kind == null) {
      return; // reading the text of every element would cost the square of the document's size
    }
    String value = e.getTextContent().strip();
    String problem =
        switch (kind) {
          case DATE_TIME ->
              Lexical.isXsdDateTime(value) ? null : " is not a date and time such as " + EXAMPLE;
          case DATE_TIME_OR_EMPTY ->
              value.isEmpty() || Lexical.isXsdDateTime(value)
                  ? null
                  : " is not a date and time such as " + EXAMPLE + ", nor empty";
          case DATE_OPT_TIME ->
              Lexical.isXsdDateOptTime(value)
                  ? null
                  : " is not a date (and optional time) such as 2024-04-26";
          case TRUNCATED_DATE ->
              Lexical.isXsdTruncatedDateTime(value)
                  ? null
                  : " is not a date such as 2024, 2024-04, 2024-04-26 or " + EXAMPLE;
          case ONE_TO_NINE ->
              value.matches("[+]?0*[1-9]") ? null : " is not a whole number from 1 to 9";
        };
    if (problem != null) {
      out.add(path, quote(value) + problem);
    }
  }

  /** What is wrong with an attribute's value, or null if nothing. */
  private static String attribute(String name, String value) {
    String v = value.strip();
    if (name.equals("qcode")) {
      return Lexical.isQCode(value)
          ? null
          : quote(value) + " is not a QCode: a scheme alias, a colon and a code, without spaces";
    }
    if (name.endsWith("uri") || G2Rules.URI_ATTRIBUTES.contains(name)) {
      for (String token : v.isEmpty() ? new String[0] : v.split("\\s+")) {
        if (!Lexical.isUriReference(token)) {
          return quote(token)
              + " is not a URI reference (a % must start an escape such as %20; one # at most)";
        }
      }
      return null;
    }
    if (G2Rules.DATE_ATTRIBUTES.contains(name) && !Lexical.isXsdDateOptTime(v)) {
      return quote(value) + " is not a date (and optional time) such as 2024-04-26T09:30:00Z";
    }
    if (G2Rules.COUNT_ATTRIBUTES.contains(name) && !v.matches("\\+?[0-9]+")) {
      return quote(value) + " is not a whole number of zero or more";
    }
    if (G2Rules.PERCENT_ATTRIBUTES.contains(name)
        && !(v.matches("\\+?[0-9]{1,9}") && Integer.parseInt(v.replace("+", "")) <= 100)) {
      return quote(value) + " is not a whole number from 0 to 100";
    }
    if (G2Rules.BOOLEAN_ATTRIBUTES.contains(name) && !v.matches("true|false|1|0")) {
      return quote(value) + " is not true or false";
    }
    return null;
  }

  private static String quote(String value) {
    String v = value.length() > 60 ? value.substring(0, 57) + "..." : value;
    return "\"" + v + "\"";
  }
}
