package io.newspipe.ingest.format;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes of an XML document to text an XML parser accepts, tolerating what real feeds get wrong.
 *
 * <ul>
 *   <li>Encoding: the XML rules via ROME's {@link XmlReader} (BOM, then the HTTP charset when the
 *       document came over HTTP, then the {@code <?xml encoding>} declaration; windows-1251, UTF-16
 *       and the like are honoured). If that fails (an unknown or lying declaration), strict UTF-8
 *       if the bytes are valid UTF-8, else windows-1252, the most common mislabelled encoding.
 *   <li>Control characters XML 1.0 forbids (NUL, form feed, ...) make every parser stop; they are
 *       stripped, and a warning says how many.
 *   <li>HTML entities such as {@code &nbsp;} are undefined in XML; {@link #repairEntities} turns
 *       them into numeric references and escapes stray ampersands. Only used as a second attempt,
 *       because it must not touch CDATA sections of documents that are fine.
 * </ul>
 */
final class XmlText {

  private static final Logger LOG = LoggerFactory.getLogger(XmlText.class);

  private static final Pattern FORBIDDEN =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
  private static final Pattern AMPERSAND =
      Pattern.compile("&(#[0-9]+;|#[xX][0-9a-fA-F]+;|([A-Za-z][A-Za-z0-9]*);)?");
  private static final Pattern CHARSET =
      Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private XmlText() {}

  /**
   * Decodes {@code bytes}; {@code httpContentType} is the Content-Type header of an HTTP response
   * (null for files).
   */
  static String decode(byte[] bytes, String httpContentType, String document) {
    ByteOrderMark bom = ByteOrderMark.of(bytes);
    if (bom != null && bom.length() == 4) {
      // UTF-32, which ROME's XmlReader does not know; a byte-order mark settles the encoding.
      return stripForbidden(bom.decode(bytes, bytes.length), document);
    }
    Charset http = bom == null ? httpCharset(httpContentType) : null;
    if (http != null) {
      return stripForbidden(stripBom(new String(bytes, http)), document);
    }
    String text;
    try (Reader reader = new XmlReader(new ByteArrayInputStream(bytes), true)) {
      StringWriter out = new StringWriter(bytes.length);
      reader.transferTo(out);
      text = out.toString();
    } catch (IOException | RuntimeException e) {
      text = fallback(bytes);
      LOG.warn(
          "{}: cannot honour its declared encoding ({}); read it as {}. Fix the encoding"
              + " declaration (or the HTTP charset) at the source",
          document,
          e.getMessage(),
          isUtf8(bytes) ? "UTF-8" : "windows-1252");
    }
    return stripForbidden(stripBom(text), document);
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The charset parameter of an HTTP Content-Type, if present and known: it wins over the XML
   * declaration (RFC 7303). An unknown name is ignored in favour of the document's own rules.
   */
  static Charset httpCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    if (!m.find()) {
      return null;
    }
    try {
      return Charset.forName(m.group(1).strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String fallback(byte[] bytes) {
    int offset = Utf8.hasBom(bytes) ? 3 : 0;
    return isUtf8(bytes)
        ? new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8)
        : new String(bytes, WINDOWS_1252);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static String stripForbidden(String text, String document) {
    Matcher m = FORBIDDEN.matcher(text);
    if (!m.find()) {
      return text;
    }
    int[] count = {0};
    String cleaned =
        m.replaceAll(
            r -> {
              count[0]++;
              return "";
            });
    LOG.warn(
        "{}: stripped {} control character(s) that XML does not allow; the feed's producer"
            + " should not send them",
        document,
        count[0]);
    return cleaned;
  }

  /**
   * Numeric references for HTML entities ({@code &nbsp;} → {@code &#160;}), {@code &amp;} for
   * ampersands that start no reference; XML's own five entities and numeric references stay.
   */
  static String repairEntities(String xml) {
    Matcher m = AMPERSAND.matcher(xml);
    StringBuilder out = new StringBuilder(xml.length() + 64);
    while (m.find()) {
      String name = m.group(2);
      String replacement;
      if (m.group(1) == null) {
        replacement = "&amp;";
      } else if (name == null || isXmlEntity(name)) {
        replacement = m.group();
      } else if (Entities.isNamedEntity(name)) {
        StringBuilder refs = new StringBuilder();
        Entities.getByName(name)
            .codePoints()
            .forEach(cp -> refs.append("&#").append(cp).append(';'));
        replacement = refs.toString();
      } else {
        replacement = "&amp;" + name + ";";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean isXmlEntity(String name) {
    return switch (name) {
      case "amp", "lt", "gt", "quot", "apos" -> true;
      default -> false;
    };
  }
}
