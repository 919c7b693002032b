package org.veritally.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.MirrorLinks;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.ContestCopies;
import org.veritally.web.model.FieldRow;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.Option;
import org.veritally.web.model.SheetCopy;
import org.veritally.web.model.StationPage;
import org.veritally.web.model.StationPhoto;
import org.veritally.web.model.UploadPage;

/**
 * The photos on a station page and the upload page, on hand-built models: lazy images with their size,
 * relative links on a mirror, escaping, the "image only" mark, a parsed QR, the form's fields, the
 * receipt and a refusal with its rule IDs.
 */
class PhotosRenderTest {
    static final String EVIL = RenderTest.EVIL;
    static final LogStatus LOG = new LogStatus(100, Optional.of(90L));
    static final String SHA = "ab".repeat(32);
    static final String PUB = "cd".repeat(32);

    static StationPhoto photo(long index, String source, boolean imageOnly, List<StationPhoto.QrRead> reads) {
        return new StationPhoto(
                index,
                source,
                "Party " + EVIL,
                Optional.of("C1"),
                SHA,
                "image/jpeg",
                Optional.of(new StationPhoto.PublicImage(PUB, 1600, 1200)),
                Optional.of("2024-07-28T18:40:00"),
                index < 90 ? Optional.of(Instant.parse("2024-07-28T19:00:00Z")) : Optional.empty(),
                reads,
                List.of(new StationPhoto.Flag("EV-SAME", "the same photo was filed for P9")),
                imageOnly);
    }

    static StationPage page(List<StationPhoto> photos) {
        var copies = List.of(new SheetCopy("pa", "Party A", "witness", 12, true, Optional.empty()));
        var row = new FieldRow("field.valid", true, List.of(OptionalLong.of(300)), List.of(false));
        var cc = new ContestCopies("C1", "President", StationStatus.SINGLE, copies, List.of(row), List.of(), List.of());
        return new StationPage(
                RenderTest.ELECTION, List.of(), "official", "P1", "Mesa 1", 450, List.of(cc), LOG, photos);
    }

    @Test
    void aPhotoShowsBesideItsCopyAndInFullWithItsHashesLazilyAndSized() {
        var qr = new StationPhoto.QrRead(
                "ve-acta-qr", "x!" + EVIL, List.of(new StationPhoto.QrCount("Edmundo González", false, 1_234)));
        String html = StationHtml.render(
                page(List.of(photo(20, "pa", false, List.of(qr)), photo(95, "obs", true, List.of()))),
                RenderTest.ctx(Lang.ES, PageRef.station("P1")));
        assertThat(html)
                .contains("<a href=\"/evidence/" + PUB + "\" class=\"thumb\"><img loading=\"lazy\"")
                .contains("src=\"/evidence/" + PUB + "\"")
                .contains("width=\"72\" height=\"54\"")
                .contains("width=\"480\" height=\"360\"")
                .contains("<code>" + SHA + "</code>")
                .contains("2024-07-28 19:00 UTC")
                .contains("todavía no: el próximo punto de control")
                .contains("solo imagen")
                .contains("Edmundo González")
                .contains("1.234")
                .contains("x!&lt;script&gt;")
                .contains("Party &lt;script&gt;")
                .doesNotContain("Party <script>")
                .contains("<strong>EV-SAME</strong>")
                .contains("id=\"photo-20\"")
                .contains("href=\"/log/receipt/20\"")
                .doesNotContain("Todavía no se ha publicado");
        assertThat(html.split("class=\"thumb\"", -1))
                .as("one thumbnail: obs has no copy column")
                .hasSize(2);
        assertThat(html).doesNotContain("<img src").doesNotContain("loading=\"eager\"");
    }

    @Test
    void onAMirrorImagesAreRelativeAndThereIsNoUploadLink() {
        PageRef self = PageRef.station("P1");
        String html = StationHtml.render(
                page(List.of(photo(20, "pa", false, List.of()))),
                PageContext.of(Lang.EN, new MirrorLinks(self), self, new PageContext.AssetNames("a.css", "b.js")));
        assertThat(html).contains("src=\"../../evidence/" + PUB + "\"").doesNotContain("\"/evidence/");
        assertThat(html).doesNotContain("upload");
        String live = StationHtml.render(page(List.of()), RenderTest.ctx(Lang.EN, self));
        assertThat(live).contains("href=\"/en/upload\"").contains("No image of these sheets");
    }

    @Test
    void theUploadFormNeedsNoScriptAndOpensTheCamera() {
        var p = new UploadPage(
                RenderTest.ELECTION,
                List.of(new Option("C1", "President " + EVIL, false, false), new Option("C2", "Senate", false, true)),
                "P1\"><b>",
                new UploadPage.Blank());
        String html = UploadHtml.render(p, RenderTest.ctx(Lang.PT, PageRef.upload()));
        assertThat(html)
                .contains(
                        "<form class=\"upload\" method=\"post\" action=\"/pt/upload\" enctype=\"multipart/form-data\">")
                .contains("name=\"token\" type=\"password\"")
                .contains("name=\"photo\" type=\"file\"")
                .contains("capture=\"environment\"")
                .contains("accept=\"image/*,application/pdf\"")
                .contains("value=\"P1&quot;&gt;&lt;b&gt;\"")
                .contains("<option value=\"C2\" selected=\"\">Senate</option>")
                .contains("President &lt;script&gt;")
                .contains("Enviar a foto")
                .doesNotContain("<script");
    }

    @Test
    void theReceiptAndARefusal() {
        var receipt = new UploadPage.Receipt(
                42,
                false,
                SHA,
                Optional.of(PUB),
                "P1",
                List.of(),
                List.of(),
                Optional.of("c2sp.org/tlog-proof@v1\nindex 42\n" + EVIL));
        String html = UploadHtml.render(
                new UploadPage(RenderTest.ELECTION, List.of(), "P1", receipt),
                RenderTest.ctx(Lang.EN, PageRef.upload()));
        assertThat(html)
                .contains("data-index=\"42\"")
                .contains("<code class=\"sha\">" + SHA + "</code>")
                .contains("<img decoding=\"async\" src=\"/evidence/" + PUB + "\"")
                .contains("<pre class=\"proof\">c2sp.org/tlog-proof@v1\nindex 42\n&lt;script&gt;")
                .contains("href=\"/log/receipt/42\" download=\"receipt-42\"")
                .contains("href=\"/en/station/P1\"")
                .contains("No QR code was read");
        var refused = new UploadPage.Refused(List.of(
                new UploadPage.Issue("AUTH-TOKEN", "token", "upload.err.token", true),
                new UploadPage.Issue("EV-TYPE", "photo", "not an image: " + EVIL, false)));
        String bad = UploadHtml.render(
                new UploadPage(RenderTest.ELECTION, List.of(), "P1", refused),
                RenderTest.ctx(Lang.ID, PageRef.upload()));
        assertThat(bad)
                .contains("<strong>AUTH-TOKEN</strong>")
                .contains("Token akses tidak ada")
                .contains("<strong>EV-TYPE</strong>")
                .contains("not an image: &lt;script&gt;")
                .contains("Foto tidak dicatat");
    }
}
