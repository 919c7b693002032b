package org.veritally.formats.nist;

import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the XML encoding of NIST SP 1500-100 v2 (validated against {@code
 * NIST_V2_election_results_reporting.xsd}): UTF-8, the standard's namespace as the default one, an
 * element per list item named after the list, {@code xsi:type} when the item's type differs from
 * the element's (abstract GpUnit, Contest, ContestSelection), {@code ObjectId} attributes, and
 * IDREFS as space-separated lists. Streams through the JDK's StAX writer. Not thread-safe.
 */
public final class NistXmlSink implements NistSink {
  public static final String NS = "http://itl.nist.gov/ns/voting/1500-100/v2";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private final OutputStream out;
  private final XMLStreamWriter w;
  private final Deque<String> lists = new ArrayDeque<>();

  public NistXmlSink(OutputStream out) {
    this.out = out;
    try {
      this.w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    } catch (XMLStreamException e) {
      throw new IllegalStateException("no StAX writer: " + e.getMessage(), e);
    }
  }

  @Override
  public void startReport() {
    xml(() -> {
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.setDefaultNamespace(NS);
      w.writeStartElement(NS, "ElectionReport");
      w.writeDefaultNamespace(NS);
      w.writeNamespace("xsi", XSI);
    });
  }

  @Override
  public void endReport() {
    xml(() -> {
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
    });
  }

  @Override
  public void startList(String name) {
    lists.push(name);
  }

  @Override
  public void endList() {
    lists.pop();
  }

  @Override
  public void startObject(String type) {
    xml(() -> open(type));
  }

  @Override
  public void startObject(String type, String id) {
    xml(() -> {
      open(type);
      w.writeAttribute("ObjectId", id);
    });
  }

  private void open(String type) throws XMLStreamException {
    String element = lists.peek();
    if (element == null) throw new IllegalStateException("object " + type + " outside a list");
    w.writeStartElement(NS, element);
    if (!element.equals(type)) w.writeAttribute("xsi", XSI, "type", type);
  }

  @Override
  public void endObject() {
    xml(w::writeEndElement);
  }

  @Override
  public void string(String name, String value) {
    xml(() -> {
      w.writeStartElement(NS, name);
      w.writeCharacters(value);
      w.writeEndElement();
    });
  }

  @Override
  public void number(String name, long value) {
    string(name, Long.toString(value));
  }

  @Override
  public void refs(String name, List<String> ids) {
    if (!ids.isEmpty()) string(name, String.join(" ", ids));
  }

  @Override
  public void text(String name, String content, String language) {
    xml(() -> {
      w.writeStartElement(NS, name);
      w.writeStartElement(NS, "Text");
      w.writeAttribute("Language", language);
      w.writeCharacters(content);
      w.writeEndElement();
      w.writeEndElement();
    });
  }

  @Override
  public void close() {
    xml(() -> {
      w.flush();
      w.close();
    });
    try {
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private interface Xml {
    void run() throws XMLStreamException;
  }

  private static void xml(Xml x) {
    try {
      x.run();
    } catch (XMLStreamException e) {
      throw new java.io.UncheckedIOException(new java.io.IOException("XML write failed: " + e.getMessage(), e));
    }
  }
}
