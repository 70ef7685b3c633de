package io.newspipe.ingest.format;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A DOM parser that cannot be turned against us: DOCTYPE declarations are a fatal error (so no
 * external entity is ever resolved and no entity can expand), external DTDs and schemas are not
 * loaded, XInclude is off and JAXP secure processing caps what is left. Used for NewsML-G2; callers
 * first run {@link FeedFormat#defuse} so the error message says why.
 */
final class SafeXml {

  private static final DocumentBuilderFactory FACTORY = newFactory();

  private SafeXml() {}

  private static DocumentBuilderFactory newFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("this JVM's XML parser cannot be hardened", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(true);
    return f;
  }

  /** Parses {@code xml}; errors (including any DOCTYPE) become a {@link ParseException}. */
  static Document parse(String xml, String document) throws ParseException {
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(new DefaultHandler()); // no stderr noise; fatal errors still throw
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException e) {
      throw new ParseException(
          document,
          "not well-formed XML ("
              + e.getMessage()
              + "): check that the file is complete and its markup balanced",
          e);
    } catch (ParserConfigurationException | java.io.IOException e) {
      throw new ParseException(document, "cannot parse the XML: " + e.getMessage(), e);
    }
  }
}
