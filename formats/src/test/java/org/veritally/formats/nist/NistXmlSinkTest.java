package org.veritally.formats.nist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * The hand-written XML writer: values escaped so a parser reads them back exactly; characters XML cannot carry are
 * refused.
 */
class NistXmlSinkTest {
    @Test
    void valuesReadBackExactly() throws Exception {
        String tricky = "A & B <c> \"d\" 'e' \t f\r\n]]> ñ 🗳";
        var out = new ByteArrayOutputStream();
        try (var sink = new NistXmlSink(out)) {
            sink.startReport();
            sink.startList("GpUnit");
            sink.startObject("ReportingUnit", "id-\"1\"");
            sink.refs("ComposingGpUnitIds", List.of("a", "b"));
            sink.text("Name", tricky, "es");
            sink.string("Type", "other");
            sink.endObject();
            sink.endList();
            sink.endReport();
        }
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        var unit = (org.w3c.dom.Element)
                doc.getElementsByTagNameNS(NistXmlSink.NS, "GpUnit").item(0);
        assertThat(unit.getAttribute("ObjectId")).isEqualTo("id-\"1\"");
        assertThat(unit.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))
                .isEqualTo("ReportingUnit");
        assertThat(doc.getElementsByTagNameNS(NistXmlSink.NS, "Text").item(0).getTextContent())
                .isEqualTo(tricky);
        assertThat(doc.getElementsByTagNameNS(NistXmlSink.NS, "ComposingGpUnitIds")
                        .item(0)
                        .getTextContent())
                .isEqualTo("a b");
    }

    @Test
    void aControlCharacterIsRefusedNotDropped() {
        var sink = new NistXmlSink(new ByteArrayOutputStream());
        sink.startReport();
        assertThatThrownBy(() -> sink.string("Issuer", "bell\u0007"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0007");
    }
}
