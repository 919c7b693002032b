package org.veritally.web.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.web.SampleElection;
import org.veritally.web.WebSite;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.HttpLinks;
import org.veritally.web.query.AnnouncementsQuery;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Atom feed (RFC 4287) over real HTTP on loopback, parsed with the JDK's XML parser: the sample
 * election's checkpoints, its announcement with markup in the title and its verdict, its disputed
 * stations; stable ids across requests and languages, RFC 3339 dates, a bounded length.
 */
class AtomFeedHttpTest {
    static final String ATOM = "http://www.w3.org/2005/Atom";

    @TempDir
    static Path dir;

    static Instance in;
    static ApiServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        in = Instance.open(dir);
        SampleElection.load(in);
        server = new ApiServer(in, WriteToken.load(dir), List.of(new WebSite(in))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        in.close();
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Parses with the JDK's parser, namespace-aware, with no DTDs or external entities. */
    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<Element> entries(Document d) {
        NodeList l = d.getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) out.add((Element) l.item(i));
        return out;
    }

    static String child(Element e, String name) {
        NodeList l = e.getElementsByTagNameNS(ATOM, name);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent();
    }

    static String category(Element e) {
        return ((Element) e.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term");
    }

    @Test
    void feedIsWellFormedAtomWithCheckpointsTheAnnouncementAndItsVerdictAndTheDisputedStations() throws Exception {
        HttpResponse<byte[]> r = get("/en/feed.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        Document d = parse(r.body());
        Element feed = d.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("en");
        // RFC 4287 §4.1.1: exactly one id, title, updated; an author
        for (String m : List.of("id", "title", "updated", "author"))
            assertThat(child(feed, m)).isNotEmpty();
        Instant.parse(child(feed, "updated")); // RFC 3339 (§3.3)

        List<Element> es = entries(d);
        Set<String> kinds = new TreeSet<>();
        for (Element e : es) {
            kinds.add(category(e));
            assertThat(child(e, "id")).startsWith("urn:uuid:");
            Instant.parse(child(e, "updated"));
            Instant.parse(child(e, "published"));
            assertThat(((Element) e.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("rel"))
                    .isEqualTo("alternate");
        }
        assertThat(kinds).containsExactly("announcement", "checkpoint", "disputed");
        Element a = es.stream()
                .filter(e -> category(e).equals("announcement"))
                .findFirst()
                .orElseThrow();
        assertThat(child(a, "title")).contains("<").as("the markup of the title survives as text");
        assertThat(child(a, "summary")).startsWith("Contradicted by the sheets in hand");
        List<String> disputed = es.stream()
                .filter(e -> category(e).equals("disputed"))
                .map(e -> child(e, "title"))
                .toList();
        assertThat(disputed).anyMatch(t -> t.contains("station " + SampleElection.DISPUTED + ","));
        assertThat(disputed).anyMatch(t -> t.contains("station " + SampleElection.DISPUTED_2 + ","));
        List<Instant> updated =
                es.stream().map(e -> Instant.parse(child(e, "updated"))).toList();
        assertThat(updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void entryIdsAreStableAcrossRequestsAndLanguages() throws Exception {
        List<String> en = entries(parse(get("/en/feed.atom").body())).stream()
                .map(e -> child(e, "id"))
                .toList();
        List<String> again = entries(parse(get("/en/feed.atom").body())).stream()
                .map(e -> child(e, "id"))
                .toList();
        List<String> es = entries(parse(get("/es/feed.atom").body())).stream()
                .map(e -> child(e, "id"))
                .toList();
        assertThat(en).doesNotHaveDuplicates().isEqualTo(again).isEqualTo(es);
        assertThat(parse(get("/feed.atom").body()).getDocumentElement().getAttributeNS(XMLConstants.XML_NS_URI, "lang"))
                .isEqualTo("en");
    }

    @Test
    void feedHoldsAtMostItsLimitNewestFirst() throws Exception {
        byte[] xml = new FeedQuery(in, new AnnouncementsQuery(in), 3).render(Lang.EN, new HttpLinks(), "/en/feed.atom");
        List<Element> es = entries(parse(xml));
        assertThat(es).hasSize(3);
        int all = entries(parse(get("/en/feed.atom").body())).size();
        assertThat(all).isGreaterThan(3).isLessThanOrEqualTo(FeedQuery.DEFAULT_LIMIT);
    }

    @Test
    void everyCharacterIsEscapedAndThoseXmlCannotCarryAreReplaced() throws Exception {
        String evil = "a & b < c > d \" e ' f \u0001 g \uD800 h \uFFFE i \uD83D\uDDF3 ]]> <![CDATA[";
        byte[] xml = AtomFeed.write(
                "example.org/log " + evil,
                "en",
                evil,
                "feed.atom?a=1&b=\"2\"",
                "/en/",
                Instant.ofEpochSecond(1_722_139_560L),
                List.of(new FeedItem(
                        "k/" + evil,
                        "checkpoint",
                        Instant.ofEpochSecond(1_722_139_560L),
                        Instant.ofEpochSecond(1_722_139_500L),
                        evil,
                        evil,
                        "/en/station/" + evil)));
        Document d = parse(xml);
        String expected = "a & b < c > d \" e ' f \uFFFD g \uFFFD h \uFFFD i \uD83D\uDDF3 ]]> <![CDATA[";
        assertThat(child(d.getDocumentElement(), "title")).isEqualTo(expected);
        Element e = entries(d).get(0);
        assertThat(child(e, "summary")).isEqualTo(expected);
        assertThat(child(e, "updated")).isEqualTo("2024-07-28T04:06:00Z");
    }
}
