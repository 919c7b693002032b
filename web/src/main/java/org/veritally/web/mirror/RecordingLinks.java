package org.veritally.web.mirror;

import java.util.Optional;
import java.util.function.Consumer;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.Links;
import org.veritally.web.link.PageRef;

/**
 * {@link Links} that pass every page a rendered page links to, of the kinds whose set of pages is
 * found by following links (the discrepancies filters, the statistics of each contest and view, the audits and
 * their tally forms), to
 * a consumer, and otherwise behave as the links they wrap. Thread-safe when the consumer is.
 */
final class RecordingLinks implements Links {
    private final Links links;
    private final Consumer<PageRef> linked;

    RecordingLinks(Links links, Consumer<PageRef> linked) {
        this.links = links;
        this.linked = linked;
    }

    @Override
    public String page(Lang lang, PageRef target) {
        if (target.kind() == PageRef.Kind.DISCREPANCIES
                || target.kind() == PageRef.Kind.STATISTICS
                || target.kind() == PageRef.Kind.TIMELINE
                || target.kind() == PageRef.Kind.AUDIT
                || target.kind() == PageRef.Kind.AUDIT_FORM) linked.accept(target);
        return links.page(lang, target);
    }

    @Override
    public String asset(String fileName) {
        return links.asset(fileName);
    }

    @Override
    public String evidence(String sha256) {
        return links.evidence(sha256);
    }

    @Override
    public String database() {
        return links.database();
    }

    @Override
    public Optional<String> liveResults(String unitId, String contestId, String view) {
        return links.liveResults(unitId, contestId, view);
    }

    @Override
    public boolean hasSearch() {
        return links.hasSearch();
    }

    @Override
    public String receipt(long index) {
        return links.receipt(index);
    }

    @Override
    public Optional<String> api(String path, String... params) {
        return links.api(path, params);
    }

    @Override
    public boolean isStatic() {
        return links.isStatic();
    }

    @Override
    public Optional<String> publicationFile(String path) {
        return links.publicationFile(path);
    }

    @Override
    public java.util.List<Lang> languages() {
        return links.languages();
    }
}
