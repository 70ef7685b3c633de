package io.newspipe.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Subject;
import java.util.List;

/**
 * The JSON text kept in {@code article_tags.media_topics}, {@code article_tags.evidence} and {@code
 * articles.subjects}.
 */
final class TagJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<StoredEvidence>> EVIDENCE = new TypeReference<>() {};
  private static final TypeReference<List<StoredSubject>> SUBJECTS = new TypeReference<>() {};

  private TagJson() {}

  static String mediaTopics(List<String> codes) {
    return write(codes);
  }

  static String evidence(List<Evidence> spans) {
    return write(
        spans.stream()
            .map(
                e ->
                    new StoredEvidence(
                        e.getField(), e.getStart(), e.getEnd(), e.getText(), e.getRule()))
            .toList());
  }

  static String subjects(List<Subject> subjects) {
    return write(
        subjects.stream()
            .map(s -> new StoredSubject(s.getName(), s.getCode(), s.getScheme()))
            .toList());
  }

  static List<StoredSubject> readSubjects(String json) {
    return read(json, SUBJECTS);
  }

  static List<String> readMediaTopics(String json) {
    return read(json, STRINGS);
  }

  static List<StoredEvidence> readEvidence(String json) {
    return read(json, EVIDENCE);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write tag JSON: " + e.getMessage(), e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "corrupt tag JSON in the store ("
              + e.getOriginalMessage()
              + "): the row was not written by newspipe; re-consume the article to rewrite it",
          e);
    }
  }
}
