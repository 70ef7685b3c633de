package io.newspipe.ingest.format;

import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;

/**
 * A feed as a JDOM document, read with ROME's hardened SAX builder and repaired where real feeds
 * commonly break the shape ROME insists on. ROME maps the repaired document to entries; {@link
 * #entryElements} gives the XML element behind each entry, for what ROME drops (see {@link
 * EntryXml}).
 *
 * <p>Repairs, each for a shape seen in the wild that readers such as Python's feedparser accept:
 *
 * <ul>
 *   <li>a {@code <feed>} root in no namespace is read as Atom (0.3 when it says {@code
 *       version="0.3"}, else 1.0);
 *   <li>an {@code <rss>} root without {@code <channel>} (items directly under it) gets one.
 * </ul>
 */
final class FeedDocument {

  static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
  static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");

  private FeedDocument() {}

  /**
   * Parses {@code xml} with ROME's own SAX builder: DOCTYPEs refused, no external entities or DTDs,
   * JAXP secure processing on, and ROME's healer for stray HTML entities.
   */
  static Document read(String xml) throws JDOMException, IOException {
    Document doc =
        new HardenedInput().saxBuilder().build(new XmlFixerReader(new StringReader(xml)));
    repair(doc);
    return doc;
  }

  static void repair(Document doc) {
    Element root = doc.getRootElement();
    if (root.getName().equals("feed") && root.getNamespace() == Namespace.NO_NAMESPACE) {
      moveToNamespace(root, "0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM_10);
    }
    if (root.getNamespace().equals(ATOM_03)) {
      compactBase64(root);
    }
    if (root.getName().equals("rss")
        && root.getNamespace() == Namespace.NO_NAMESPACE
        && root.getChild("channel") == null) {
      Element channel = new Element("channel");
      List<Content> content = new ArrayList<>(root.getContent());
      root.removeContent();
      channel.addContent(content);
      root.addContent(channel);
    }
  }

  static boolean isAtom(Element element) {
    return element.getNamespace().equals(ATOM_10) || element.getNamespace().equals(ATOM_03);
  }

  /**
   * The {@code <entry>} or {@code <item>} elements of the feed in document order, which is ROME's
   * order of entries too.
   */
  static List<Element> entryElements(Document doc) {
    Element root = doc.getRootElement();
    if (isAtom(root)) {
      return root.getChildren("entry", root.getNamespace());
    }
    List<Element> items = new ArrayList<>();
    for (Element child : root.getChildren()) {
      String name = child.getName().toLowerCase(Locale.ROOT);
      if (name.equals("item")) {
        items.add(child); // RSS 0.90 and 1.0: items beside the channel
      } else if (name.equals("channel")) {
        child.getChildren().stream()
            .filter(e -> e.getName().equalsIgnoreCase("item"))
            .forEach(items::add);
      }
    }
    return items;
  }

  /** Atom 0.3 base64 text wrapped over lines, which ROME's decoder fails on. */
  private static void compactBase64(Element element) {
    if ("base64".equals(element.getAttributeValue("mode"))) {
      element.setText(element.getText().replaceAll("\\s+", ""));
      return;
    }
    element.getChildren().forEach(FeedDocument::compactBase64);
  }

  private static void moveToNamespace(Element element, Namespace namespace) {
    if (element.getNamespace() == Namespace.NO_NAMESPACE) {
      element.setNamespace(namespace);
    }
    for (Element child : element.getChildren()) {
      moveToNamespace(child, namespace);
    }
  }

  /** Opens up ROME's hardened SAX builder; its settings stay ROME's safe defaults. */
  private static final class HardenedInput extends WireFeedInput {
    HardenedInput() {
      super(false, Locale.ROOT);
      setAllowDoctypes(false); // the default; stated because our safety depends on it
    }

    SAXBuilder saxBuilder() {
      return createSAXBuilder();
    }
  }
}
