package org.veritally.web.link;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.veritally.web.i18n.Lang;

/**
 * The live site's permanent URLs: {@code /{lang}/}, {@code /{lang}/unit/{id}?contest=&view=},
 * {@code /{lang}/station/{id}}, {@code /{lang}/search?q=}, {@code /{lang}/downloads}, {@code
 * /{lang}/discrepancies?unit=&source=}, {@code /{lang}/announcements} and {@code
 * /{lang}/statistics?contest=&view=&seed=&size=}, {@code /{lang}/upload}, {@code /{lang}/audits}, {@code
 * /{lang}/audit/{id}}, {@code /{lang}/audit/{id}/form/{station}} and {@code /{lang}/diff?view=&from=&to=};
 * public images at {@code
 * /evidence/{sha256}}. Parameters are written in the fixed order of
 * {@link PageRef#PARAMS}. Unit links always carry their contest and view, so a link copied today
 * shows the same figures a year later even if the default view changes. Immutable.
 */
public final class HttpLinks implements Links {
    @Override
    public String page(Lang lang, PageRef t) {
        StringBuilder b = new StringBuilder(64).append('/').append(lang.code()).append('/');
        switch (t.kind()) {
            case OVERVIEW -> {}
            case UNIT -> b.append("unit/").append(enc(t.id()));
            case STATION -> b.append("station/").append(enc(t.id()));
            case SEARCH -> b.append("search");
            case DOWNLOADS -> b.append("downloads");
            case DISCREPANCIES -> b.append("discrepancies");
            case ANNOUNCEMENTS -> b.append("announcements");
            case STATISTICS -> b.append("statistics");
            case UPLOAD -> b.append("upload");
            case TRANSCRIBE -> b.append("transcribe");
            case MODERATE -> b.append("moderate");
            case CAMPAIGN -> b.append("campaign");
            case TIMELINE -> b.append("timeline/").append(enc(t.id()));
            case AUDITS -> b.append("audits");
            case AUDIT -> b.append("audit/").append(enc(t.id()));
            case AUDIT_FORM ->
                b.append("audit/")
                        .append(enc(t.id()))
                        .append("/form/")
                        .append(enc(t.param("station").orElseThrow()));
            case DIFF -> b.append("diff");
        }
        char sep = '?';
        for (String name : PageRef.PARAMS)
            if (!name.equals("station")) sep = param(b, sep, name, t.param(name)); // a form's station is in its path
        return b.toString();
    }

    private static char param(StringBuilder b, char sep, String name, Optional<String> value) {
        if (value.isEmpty()) return sep;
        b.append(sep).append(name).append('=').append(URLEncoder.encode(value.get(), StandardCharsets.UTF_8));
        return '&';
    }

    /** A path segment: ids are [A-Za-z0-9._:-], but encode anyway so no value can break out of the URL. */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String asset(String fileName) {
        return "/static/" + fileName;
    }

    @Override
    public String evidence(String sha256) {
        return "/evidence/" + enc(sha256);
    }

    @Override
    public String database() {
        return "/downloads/veritally.db";
    }

    @Override
    public Optional<String> liveResults(String unitId, String contestId, String view) {
        return Optional.of("/api/results?unit=" + enc(unitId) + "&contest=" + enc(contestId) + "&view=" + enc(view));
    }

    @Override
    public boolean hasSearch() {
        return true;
    }

    @Override
    public String receipt(long index) {
        return "/log/receipt/" + index;
    }

    @Override
    public Optional<String> api(String path, String... params) {
        if (params.length % 2 != 0) throw new IllegalArgumentException("parameters come in name, value pairs");
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (int i = 0; i < params.length; i += 2)
            sep = param(b, sep, params[i], Optional.ofNullable(params[i + 1]).filter(v -> !v.isEmpty()));
        return Optional.of(b.toString());
    }
}
