package org.veritally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.MirrorLinks;
import org.veritally.web.link.PageRef;

/** Renders pages of a real data directory without HTTP, as a static-mirror publisher would. */
class SiteRendererTest {
  @TempDir static Path dir;
  static Instance in;
  static SiteRenderer site;

  @BeforeAll
  static void load() {
    in = Instance.open(dir);
    SampleElection.load(in);
    site = new SiteRenderer(in, Assets.load());
  }

  @AfterAll
  static void close() {
    in.close();
  }

  @Test
  void overviewShowsEveryContestInTheDefaultOfficialView() {
    RenderedPage p = site.render(Lang.EN, "", Map.of());
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.live()).isTrue();
    assertThat(p.html()).contains("Synthetic election (seed 7)").contains("id=\"h-C1\"").contains("id=\"h-C2\"")
        .contains("aria-current=\"page\">Official</a>").contains("Region 0");
  }

  @Test
  void figuresComeFromTheLiveTabulation() {
    var r = in.results().result(java.util.Optional.empty(), java.util.Optional.of("C2"), "official");
    String votes = new org.veritally.web.i18n.Numbers(Lang.ES).count(r.candidates().get(0).votes());
    assertThat(site.render(Lang.ES, "", Map.of()).html()).contains(votes);
  }

  @Test
  void theConsensusViewLeavesTheDisputedStationOut() {
    var r = in.results().result(java.util.Optional.empty(), java.util.Optional.of("C1"), "consensus");
    assertThat(r.stationsReporting()).isEqualTo(599);
    String html = site.render(Lang.EN, "", Map.of("view", "consensus")).html();
    assertThat(html).contains("aria-current=\"page\">Consensus of the sources</a>").contains("<span data-f=\"stationsReporting\">599</span>");
  }

  @Test
  void aStationWhereTwoSourcesDifferIsDisputedWithTheFieldsMarked() {
    RenderedPage p = site.render(Lang.EN, "station/" + SampleElection.DISPUTED, Map.of());
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.html()).contains("<span class=\"st disputed\">Disputed</span>").contains("<tr class=\"diff\">").contains("<mark>")
        .contains("Witnesses of party A").contains("log #");
  }

  @Test
  void aStationWithAHeldBackCopyListsTheMissingSource() {
    String html = site.render(Lang.EN, "station/" + SampleElection.HELD_BACK, Map.of()).html();
    assertThat(html).contains("No copy yet from: Electoral authority").contains("<span class=\"st agreed\">Agreed</span>");
  }

  @Test
  void unknownThingsGiveAFriendly404InTheReadersLanguage() {
    assertThat(site.render(Lang.ES, "station/NOPE", Map.of())).satisfies(p -> {
      assertThat(p.status()).isEqualTo(404);
      assertThat(p.html()).contains("No hay ninguna mesa con el código «NOPE».").doesNotContain("Exception");
    });
    assertThat(site.render(Lang.EN, "unit/NOPE", Map.of()).status()).isEqualTo(404);
    assertThat(site.render(Lang.EN, "unit/N", Map.of("contest", "C9")).status()).isEqualTo(404);
    assertThat(site.render(Lang.EN, "unit/N", Map.of("view", "source:nobody")).status()).isEqualTo(404);
    assertThat(site.render(Lang.EN, "elsewhere", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void searchIgnoresCaseAndAccentsAndEscapesWhatItFinds() {
    String html = site.render(Lang.EN, "search", Map.of("q", "san jose")).html();
    assertThat(html).contains("San José &lt;b&gt;del&lt;/b&gt; Ávila").doesNotContain("<b>del</b>");
    assertThat(site.render(Lang.EN, "search", Map.of("q", "p12")).html()).contains("href=\"/en/station/P12\"");
  }

  @Test
  void childrenSortOnTheServer() {
    String byName = site.render(Lang.EN, "unit/S0", Map.of("contest", "C1", "view", "official")).html();
    String byCoverageDesc = site.render(Lang.EN, "unit/S0", Map.of("contest", "C1", "view", "official", "sort", "-valid")).html();
    assertThat(byName).contains("aria-sort=\"ascending\"");
    assertThat(byCoverageDesc).contains("aria-sort=\"descending\"").isNotEqualTo(byName);
  }

  @Test
  void mirrorRenderingLinksRelativelyAndHasNoLiveOrSearchHooks() {
    PageRef ref = PageRef.unit("R0", "C1", "official");
    String html = site.render(Lang.PT, ref, new MirrorLinks(ref)).html();
    assertThat(html).contains("href=\"../../../../static/site.").contains("href=\"../../../../pt/unit/D0/C1/official.html\"")
        .doesNotContain("data-api").doesNotContain("role=\"search\"").doesNotContain("href=\"/");
  }

  @Test
  void withoutAnAuthorityTheDefaultViewIsTheFirstSource(@TempDir Path other) {
    try (Instance solo = Instance.open(other)) {
      var g = new org.veritally.formats.generate.SyntheticElection(12, 1, 3, 1, 3);
      var d = g.definition();
      var src = new org.veritally.core.model.Source("cvzla", "Comando con Venezuela", org.veritally.core.model.SourceKind.WITNESS);
      solo.define().define(new org.veritally.formats.Definition(d.election(), d.units(), d.stations(), java.util.List.of(src)), "t", "t");
      String html = new SiteRenderer(solo, Assets.load()).render(Lang.ES, "", Map.of()).html();
      assertThat(html).contains("aria-current=\"page\">Comando con Venezuela</a>").doesNotContain(">Oficial<");
    }
  }
}
