package org.veritally.formats.nist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The official NIST SP 1500-100 v2 schemas (shared/schemas/nist-1500-100-v2, found through the
 * system property {@code veritally.shared}) and the checks every export must pass: JSON Schema
 * draft-04 (networknt), the XSD (the JDK's validator), and reference integrity: every {@code @id}
 * (ObjectId) is unique and every reference property resolves. Which properties are references is
 * read from the schemas themselves ({@code refTypes} in the JSON Schema, xsd:IDREF/IDREFS in the
 * XSD), so no reference can be forgotten.
 */
final class NistSchemas {
    static final Path DIR =
            Path.of(System.getProperty("veritally.shared", "../../shared"), "schemas", "nist-1500-100-v2");
    static final Path JSON = DIR.resolve("NIST_V2_election_results_reporting.json");
    static final Path XSD = DIR.resolve("NIST_V2_election_results_reporting.xsd");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Schema jsonSchema;
    private static javax.xml.validation.Schema xsd;
    private static Set<String> jsonRefs;
    private static Set<String> xmlRefs;

    private NistSchemas() {}

    static void assumePresent() {
        assumeTrue(
                Files.isRegularFile(JSON) && Files.isRegularFile(XSD),
                "SKIPPED: NIST schemas absent at " + DIR.toAbsolutePath());
    }

    static synchronized List<String> jsonSchemaErrors(byte[] json) throws Exception {
        if (jsonSchema == null) {
            try (InputStream in = Files.newInputStream(JSON)) {
                jsonSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                        .getSchema(in);
            }
        }
        return jsonSchema.validate(new String(json, java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON).stream()
                .map(Object::toString)
                .toList();
    }

    static synchronized List<String> xsdErrors(byte[] xml) throws Exception {
        if (xsd == null)
            xsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(XSD.toFile());
        List<String> errors = new ArrayList<>();
        Validator v = xsd.newValidator();
        v.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) {}

            public void error(SAXParseException e) {
                if (errors.size() < 20)
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            public void fatalError(SAXParseException e) {
                errors.add("fatal " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        return errors;
    }

    /** Duplicate @ids, and reference values that name no @id, in a JSON report. */
    static synchronized List<String> jsonReferenceErrors(byte[] json) throws Exception {
        if (jsonRefs == null) {
            jsonRefs = new HashSet<>();
            collectRefProperties(MAPPER.readTree(JSON.toFile()).get("definitions"), jsonRefs);
        }
        Set<String> ids = new HashSet<>();
        List<String> errors = new ArrayList<>();
        List<String[]> refs = new ArrayList<>();
        walk(MAPPER.readTree(json), "$", ids, refs, errors);
        for (String[] r : refs) if (!ids.contains(r[1])) errors.add(r[0] + " = " + r[1] + " names no @id");
        return errors;
    }

    private static void collectRefProperties(JsonNode definitions, Set<String> out) {
        for (JsonNode def : definitions) {
            JsonNode props = def.get("properties");
            if (props == null) continue;
            for (var e : props.properties()) {
                JsonNode p = e.getValue();
                if (p.has("refTypes") || (p.has("items") && p.get("items").has("refTypes"))) out.add(e.getKey());
            }
        }
    }

    private static void walk(JsonNode n, String path, Set<String> ids, List<String[]> refs, List<String> errors) {
        if (n.isObject()) {
            for (var e : n.properties()) {
                String k = e.getKey();
                JsonNode v = e.getValue();
                String p = path + "." + k;
                if (k.equals("@id")) {
                    if (!ids.add(v.asString())) errors.add(p + " duplicate @id " + v.asString());
                } else if (jsonRefs.contains(k)) {
                    if (v.isArray()) for (JsonNode x : v) refs.add(new String[] {p, x.asString()});
                    else refs.add(new String[] {p, v.asString()});
                } else if ((k.endsWith("Id") || k.endsWith("Ids")) && !k.equals("VendorApplicationId")) {
                    errors.add(p + " looks like a reference but the schema has no refTypes for it");
                } else {
                    walk(v, p, ids, refs, errors);
                }
            }
        } else if (n.isArray()) {
            int i = 0;
            for (JsonNode x : n) walk(x, path + "[" + i++ + "]", ids, refs, errors);
        }
    }

    /** Duplicate ObjectIds, and IDREF(S) values that name no ObjectId, in an XML report. */
    static synchronized List<String> xmlReferenceErrors(byte[] xml) throws Exception {
        if (xmlRefs == null) {
            xmlRefs = new HashSet<>();
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            NodeList els = f.newDocumentBuilder()
                    .parse(XSD.toFile())
                    .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
            for (int i = 0; i < els.getLength(); i++) {
                Element e = (Element) els.item(i);
                if (e.getAttribute("type").equals("xsd:IDREF")
                        || e.getAttribute("type").equals("xsd:IDREFS")) xmlRefs.add(e.getAttribute("name"));
            }
        }
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList all =
                f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getElementsByTagNameNS(NistXmlSink.NS, "*");
        Set<String> ids = new HashSet<>();
        List<String> errors = new ArrayList<>();
        List<String[]> refs = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("ObjectId") && !ids.add(e.getAttribute("ObjectId")))
                errors.add("duplicate ObjectId " + e.getAttribute("ObjectId"));
            if (xmlRefs.contains(e.getLocalName())) {
                for (String r : e.getTextContent().trim().split("\\s+")) refs.add(new String[] {e.getLocalName(), r});
            }
        }
        for (String[] r : refs) if (!ids.contains(r[1])) errors.add(r[0] + " = " + r[1] + " names no ObjectId");
        return errors;
    }
}
