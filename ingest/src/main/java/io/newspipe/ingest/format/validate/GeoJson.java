package io.newspipe.ingest.format.validate;

import static io.newspipe.ingest.format.validate.JsonRules.child;
import static io.newspipe.ingest.format.validate.JsonRules.describe;
import static io.newspipe.ingest.format.validate.JsonRules.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * GeoJSON (RFC 7946) as ninjs 2 and 3 use it for a place's {@code geojson}/{@code geoJSON}: a
 * geometry, a Feature or a FeatureCollection, told apart by {@code type}. Positions are arrays of
 * at least two numbers, a LineString has at least two positions, a Polygon's rings at least four,
 * and a {@code bbox} at least four numbers. Other members are allowed, as the GeoJSON schema allows
 * them.
 */
final class GeoJson {

  static final JsonRule RULE = GeoJson::object;

  private static final List<String> GEOMETRIES =
      List.of(
          "Point",
          "MultiPoint",
          "LineString",
          "MultiLineString",
          "Polygon",
          "MultiPolygon",
          "GeometryCollection");
  private static final List<String> TYPES =
      java.util.stream.Stream.concat(
              GEOMETRIES.stream(), java.util.stream.Stream.of("Feature", "FeatureCollection"))
          .toList();

  private GeoJson() {}

  private static void object(JsonNode value, String path, Problems out) {
    String type = type(value, path, out, TYPES);
    if (type == null) {
      return;
    }
    bbox(value, path, out);
    switch (type) {
      case "Feature" -> feature(value, path, out);
      case "FeatureCollection" -> {
        JsonNode features = required(value, path, "features", out);
        if (features != null && !features.isArray()) {
          out.add(
              child(path, "features"), "must be an array of Features, not " + describe(features));
        } else if (features != null) {
          for (int i = 0; i < features.size(); i++) {
            String at = index(child(path, "features"), i);
            if ("Feature".equals(type(features.get(i), at, out, List.of("Feature")))) {
              feature(features.get(i), at, out);
            }
          }
        }
      }
      default -> geometryBody(type, value, path, out);
    }
  }

  private static void feature(JsonNode value, String path, Problems out) {
    JsonNode properties = required(value, path, "properties", out);
    if (properties != null && !properties.isObject() && !properties.isNull()) {
      out.add(child(path, "properties"), "must be an object or null, not " + describe(properties));
    }
    JsonNode geometry = required(value, path, "geometry", out);
    if (geometry != null && !geometry.isNull()) {
      geometry(geometry, child(path, "geometry"), out);
    }
    JsonNode id = value.get("id");
    if (id != null && !id.isTextual() && !id.isNumber()) {
      out.add(child(path, "id"), "must be a string or a number, not " + describe(id));
    }
  }

  private static void geometry(JsonNode value, String path, Problems out) {
    String type = type(value, path, out, GEOMETRIES);
    if (type != null) {
      bbox(value, path, out);
      geometryBody(type, value, path, out);
    }
  }

  private static void geometryBody(String type, JsonNode value, String path, Problems out) {
    if (type.equals("GeometryCollection")) {
      JsonNode geometries = required(value, path, "geometries", out);
      if (geometries != null && !geometries.isArray()) {
        out.add(child(path, "geometries"), "must be an array, not " + describe(geometries));
      } else if (geometries != null) {
        for (int i = 0; i < geometries.size(); i++) {
          geometry(geometries.get(i), index(child(path, "geometries"), i), out);
        }
      }
      return;
    }
    JsonNode coordinates = required(value, path, "coordinates", out);
    if (coordinates == null) {
      return;
    }
    String at = child(path, "coordinates");
    switch (type) {
      case "Point" -> position(coordinates, at, out);
      case "MultiPoint" -> each(coordinates, at, out, 0, GeoJson::position);
      case "LineString" -> line(coordinates, at, out);
      case "MultiLineString" -> each(coordinates, at, out, 0, GeoJson::line);
      case "Polygon" -> polygon(coordinates, at, out);
      default -> each(coordinates, at, out, 0, GeoJson::polygon); // MultiPolygon
    }
  }

  private static void line(JsonNode value, String path, Problems out) {
    each(value, path, out, 2, GeoJson::position);
  }

  private static void polygon(JsonNode value, String path, Problems out) {
    each(value, path, out, 0, (ring, at, o) -> each(ring, at, o, 4, GeoJson::position));
  }

  private static void position(JsonNode value, String path, Problems out) {
    if (!value.isArray() || value.size() < 2) {
      out.add(path, "a position must be an array of at least two numbers, not " + describe(value));
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isNumber()) {
        out.add(index(path, i), "must be a number, not " + describe(value.get(i)));
      }
    }
  }

  private static void each(JsonNode value, String path, Problems out, int min, JsonRule item) {
    if (!value.isArray()) {
      out.add(path, "must be an array, not " + describe(value));
      return;
    }
    if (value.size() < min) {
      out.add(path, "must have at least " + min + " entries, not " + value.size());
    }
    for (int i = 0; i < value.size(); i++) {
      item.check(value.get(i), index(path, i), out);
    }
  }

  private static void bbox(JsonNode value, String path, Problems out) {
    JsonNode bbox = value.get("bbox");
    if (bbox != null) {
      each(
          bbox,
          child(path, "bbox"),
          out,
          4,
          (n, at, o) -> {
            if (!n.isNumber()) {
              o.add(at, "must be a number, not " + describe(n));
            }
          });
    }
  }

  /** The object's type if it is one of {@code allowed}, else null after reporting why not. */
  private static String type(JsonNode value, String path, Problems out, List<String> allowed) {
    if (!value.isObject()) {
      out.add(path, "must be a GeoJSON object, not " + describe(value));
      return null;
    }
    JsonNode type = required(value, path, "type", out);
    if (type == null) {
      return null;
    }
    if (!type.isTextual() || !allowed.contains(type.asText())) {
      out.add(
          child(path, "type"),
          describe(type) + " is not a GeoJSON type here (" + String.join(", ", allowed) + ")");
      return null;
    }
    return type.asText();
  }

  private static JsonNode required(JsonNode value, String path, String name, Problems out) {
    JsonNode member = value.get(name);
    if (member == null) {
      out.add(path, "the required GeoJSON member \"" + name + "\" is missing");
    }
    return member;
  }
}
