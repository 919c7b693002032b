package org.veritally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.HttpLinks;
import org.veritally.web.link.PageRef;

class RouteTest {
    @Test
    void parsesEveryLinkHttpLinksWrites() {
        var links = new HttpLinks();
        for (PageRef ref : List.of(
                PageRef.home(),
                PageRef.overview("source:x"),
                PageRef.unit("R1", "C1", "official"),
                PageRef.unit("V.3", "C2", "source:a").sorted("-share:C2-K1", false),
                PageRef.station("010101001.01"),
                PageRef.search("San José"),
                PageRef.search(""),
                PageRef.downloads(),
                PageRef.announcements(),
                PageRef.discrepancies(java.util.Optional.of("R1"), java.util.Optional.empty()),
                PageRef.discrepancies(java.util.Optional.of("V.3"), java.util.Optional.of("party-a")),
                PageRef.statistics(java.util.Optional.empty(), java.util.Optional.empty()),
                PageRef.statistics(java.util.Optional.of("C2"), java.util.Optional.of("source:cvzla"))
                        .quickCount("lottery 2024-07-27 #4411", "1500"))) {
            URI u = URI.create(links.page(Lang.EN, ref));
            String path = u.getRawPath().substring("/en/".length());
            assertThat(Route.parse(URLDecoder.decode(path, StandardCharsets.UTF_8), query(u.getRawQuery())))
                    .contains(ref);
        }
    }

    @Test
    void unknownPathsAreNotPages() {
        assertThat(Route.parse("nope", Map.of())).isEmpty();
        assertThat(Route.parse("unit/", Map.of())).isEmpty();
        assertThat(Route.parse("unit/a/b", Map.of())).isEmpty();
    }

    @Test
    void aPageKeepsOnlyTheParametersItUnderstands() {
        assertThat(Route.parse("station/P1", Map.of("sort", "-name", "utm", "x")))
                .contains(PageRef.station("P1"));
        assertThat(Route.parse("announcements", Map.of("unit", "R1"))).contains(PageRef.announcements());
        assertThat(Route.parse("discrepancies", Map.of("source", " ", "view", "official")))
                .contains(PageRef.discrepancies(java.util.Optional.empty(), java.util.Optional.empty()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) return m;
        for (String kv : raw.split("&")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
        return m;
    }
}
