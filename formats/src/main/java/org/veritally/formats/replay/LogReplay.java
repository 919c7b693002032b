package org.veritally.formats.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.Copy;
import org.veritally.core.reconcile.CopyDigest;
import org.veritally.core.reconcile.Verdict;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.core.validation.SheetValidator;
import org.veritally.formats.entry.EntryCodec;

/**
 * Recomputes everything the log implies from its entries alone, in index order, as an independent
 * verifier would (docs/log-format.md §4): the election, the catalogue, the sources, every source's
 * totals and the consensus view, re-checking every rule an accepted entry obeys. No database, no
 * I/O. Used by {@code verify} and by {@code publish}. Not thread-safe; one per replay.
 *
 * <p>Check IDs reported: {@code LOG-DECODE} (an entry does not parse or breaks the schema),
 * {@code LOG-CANON} (its bytes are not the canonical encoding), {@code LOG-ORDER} (the election is
 * not entry 0, or appears twice), {@code LOG-RULES} (a sheet breaks a validation or sequencing rule).
 */
public final class LogReplay {
  private EntryCodec codec = new EntryCodec(Optional.empty());
  private Catalogue catalogue = new Catalogue();
  private Tabulation tabulation;
  private Tabulation.Batch batch;
  private final Map<Long, Current> current = new HashMap<>();
  private long size;
  private final Map<String, RegisteredKey> keys = new HashMap<>();

  private record RegisteredKey(String source, org.veritally.translog.VerifierKey key) {}
  private final List<org.veritally.core.model.Announcement> announcements = new ArrayList<>();
  private boolean finished;

  /**
   * A current copy, kept compact (a replay of a million stations holds a million of these): its log
   * index and its numbers {@code [registered, ballots, valid, null, blank, votes…]}; the ids follow
   * from the key.
   */
  private record Current(long index, long[] numbers) {
    static Current of(long index, TallySheet s) {
      var k = s.counts();
      long[] n = new long[5 + s.choiceCount()];
      n[0] = k.registered();
      n[1] = k.ballotsCast();
      n[2] = k.valid();
      n[3] = k.nulls();
      n[4] = k.blank();
      for (int i = 0; i < s.choiceCount(); i++) n[5 + i] = s.vote(i);
      return new Current(index, n);
    }

    boolean sameNumbers(TallySheet s) {
      return java.util.Arrays.equals(numbers, of(index, s).numbers());
    }
  }

  private TallySheet sheetOf(long key, Current c) {
    var el = election().orElseThrow();
    long[] n = c.numbers();
    return new TallySheet(catalogue.station((int) (key >>> 32)).id(), el.contests().get((int) ((key >>> 16) & 0xFFFF)).id(),
        tabulation.sources().get((int) (key & 0xFFFF)).id(),
        new org.veritally.core.model.SummaryCounts(n[0], n[1], n[2], n[3], n[4]), java.util.Arrays.copyOfRange(n, 5, n.length));
  }

  /** A source's current copy of a station's sheet for a contest: the index of its log entry, and the sheet. */
  public record CurrentSheet(long index, TallySheet sheet) {}

  /**
   * The current copy of a station × contest × source, by their indices (catalogue, election, and
   * declaration order of the sources), if the source has one.
   */
  public Optional<CurrentSheet> current(int station, int contest, int source) {
    long key = ((long) station << 32) | ((long) contest << 16) | source;
    Current c = current.get(key);
    return c == null ? Optional.empty() : Optional.of(new CurrentSheet(c.index(), sheetOf(key, c)));
  }

  /** One problem found in the log, with its check ID. */
  public record Finding(String check, long index, String message) {}

  public Optional<org.veritally.core.model.Election> election() {
    return codec.election();
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  public Tabulation tabulation() {
    if (tabulation == null) throw new IllegalStateException("no election entry replayed");
    return tabulation;
  }

  /** The announcements in log order. */
  public List<org.veritally.core.model.Announcement> announcements() {
    return List.copyOf(announcements);
  }

  public long size() {
    return size;
  }

  /** Replays the next entry; returns what is wrong with it (empty when it is fine). */
  public List<Finding> accept(byte[] bytes) {
    if (finished) throw new IllegalStateException("replay already finished");
    long index = size++;
    List<Finding> out = new ArrayList<>(0);
    if (tabulation != null) {
      var fastSheet = codec.decodeCanonicalSheet(bytes);
      if (fastSheet.isPresent()) {
        sheetEntry(index, fastSheet.get(), out);
        return out;
      }
      var fastCatalogue = codec.decodeCanonicalCatalogue(bytes);
      if (fastCatalogue.isPresent()) {
        catalogue(index, fastCatalogue.get(), out);
        return out;
      }
    }
    List<Problem> problems = new ArrayList<>();
    Optional<Entry> decoded;
    try {
      decoded = codec.decode(bytes, "entry " + index, problems);
    } catch (RuntimeException e) {
      decoded = Optional.empty();
      problems.add(new Problem(Rule.IN_SYNTAX, "entry " + index, String.valueOf(e.getMessage())));
    }
    if (decoded.isEmpty()) {
      for (Problem p : problems) out.add(new Finding("LOG-DECODE", index, p.toString()));
      return out;
    }
    Entry e = decoded.get();
    if (!Arrays.equals(codec.encode(e), bytes)) out.add(new Finding("LOG-CANON", index, "entry bytes are not the canonical encoding"));
    if (e instanceof ElectionEntry el) {
      if (index != 0 || tabulation != null) {
        out.add(new Finding("LOG-ORDER", index, "the election entry must be entry 0, and only once"));
        return out;
      }
      codec = new EntryCodec(Optional.of(el.election()));
      catalogue = new Catalogue();
      tabulation = new Tabulation(el.election(), catalogue);
      batch = tabulation.begin();
    } else if (tabulation == null) {
      out.add(new Finding("LOG-ORDER", index, "entry before the election entry"));
    } else if (e instanceof CatalogueEntry c) {
      catalogue(index, c, out);
    } else if (e instanceof SourceEntry s) {
      boolean secondAuthority = s.source().kind() == SourceKind.AUTHORITY && tabulation.authority().isPresent();
      if (secondAuthority || tabulation.sourceIndex(s.source().id()) >= 0) {
        out.add(new Finding("LOG-RULES", index, "SRC-KIND: source " + s.source().id() + " redeclared or a second authority"));
      } else {
        tabulation.addSource(s.source());
      }
    } else if (e instanceof org.veritally.core.entry.KeyEntry k) {
      if (org.veritally.translog.VerifierKey.parse(k.verifierKey()) instanceof org.veritally.translog.Parsed.Ok<org.veritally.translog.VerifierKey> ok) {
        keys.put(k.account(), new RegisteredKey(k.source(), ok.value()));
      } else {
        out.add(new Finding("LOG-RULES", index, "KEY: not a verifier key: " + k.verifierKey()));
      }
    } else if (e instanceof SheetEntry se) {
      sheetEntry(index, se, out);
    } else if (e instanceof org.veritally.core.entry.AnnouncementEntry a) {
      var contest = election().orElseThrow().contest(a.announcement().contest());
      if (contest.isEmpty()) out.add(new Finding("LOG-RULES", index, "AN-CONTEST: unknown contest " + a.announcement().contest()));
      else for (String c : a.announcement().candidates().keySet()) {
        if (contest.get().candidateIndex(c) < 0) out.add(new Finding("LOG-RULES", index, "AN-CANDIDATE: unknown candidate " + c));
      }
      announcements.add(a.announcement());
    }
    return out;
  }

  private void catalogue(long index, CatalogueEntry c, List<Finding> out) {
    try {
      c.units().forEach(catalogue::addUnit);
      c.stations().forEach(catalogue::addStation);
    } catch (IllegalArgumentException ex) {
      out.add(new Finding("LOG-RULES", index, "CAT: " + ex.getMessage()));
    }
  }

  private void sheetEntry(long index, SheetEntry se, List<Finding> out) {
    se.signature().ifPresent(sig -> {
      RegisteredKey k = keys.get(sig.signer());
      if (k == null) {
        out.add(new Finding("LOG-SIG", index, "signed by " + sig.signer() + ", who has no registered key"));
      } else if (!k.source().equals(se.sheet().sourceId())) {
        out.add(new Finding("LOG-SIG", index, "signer " + sig.signer() + " submits as " + k.source() + ", not " + se.sheet().sourceId()));
      } else if (!k.key().verifies(codec.signedMessage(se.sheet(), sig.signer()), sig.signature())) {
        out.add(new Finding("LOG-SIG", index, "the signature of " + sig.signer() + " does not verify"));
      }
    });
    if (!out.isEmpty()) return;
    sheet(index, se.sheet(), out);
  }

  private void sheet(long index, TallySheet s, List<Finding> out) {
    var el = election().orElseThrow();
    int src = tabulation.sourceIndex(s.sourceId());
    if (src < 0) {
      out.add(new Finding("LOG-RULES", index, "TS-SOURCE: undeclared source " + s.sourceId()));
      return;
    }
    for (Problem p : SheetValidator.validate(s, el, catalogue)) {
      if (p.isError()) out.add(new Finding("LOG-RULES", index, p.toString()));
    }
    if (!out.isEmpty()) return;
    long key = ((long) catalogue.stationIndex(s.stationId()) << 32) | ((long) el.contestIndex(s.contestId()) << 16) | src;
    Current prev = current.get(key);
    if (s.correction().isPresent()) {
      if (prev == null || prev.index() != s.correction().get().supersedes()) {
        out.add(new Finding("LOG-RULES", index, "TS-CORRECTION: supersedes " + s.correction().get().supersedes() + " but the current sheet is "
            + (prev == null ? "absent" : prev.index())));
        return;
      }
    } else if (prev != null) {
      out.add(new Finding("LOG-RULES", index, (prev.sameNumbers(s) ? "TS-DUP" : "TS-CONFLICT") + ": a second sheet for "
          + s.stationId() + "/" + s.contestId() + "/" + s.sourceId() + " without correction (current: " + prev.index() + ")"));
      return;
    }
    batch.add(s, prev == null ? Optional.empty() : Optional.of(sheetOf(key, prev)));
    current.put(key, Current.of(index, s));
  }

  /** Computes the consensus view from the final copies and makes all totals readable. Call once. */
  public void finish() {
    if (finished) return;
    finished = true;
    if (tabulation == null) return;
    var policy = election().orElseThrow().consensus();
    // group the copies by station × contest by sorting their keys (the source is the low 16 bits)
    long[] keys = current.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    List<Copy> copies = new ArrayList<>();
    for (int i = 0; i < keys.length; ) {
      long group = keys[i] & ~0xFFFFL;
      copies.clear();
      int j = i;
      for (; j < keys.length && (keys[j] & ~0xFFFFL) == group; j++) {
        Current c = current.get(keys[j]);
        copies.add(new Copy((int) (keys[j] & 0xFFFF), c.index(), CopyDigest.of(sheetOf(keys[j], c))));
      }
      var chosen = Verdict.of(copies, policy).consensus();
      if (chosen.isPresent()) {
        long k = group | chosen.get().source();
        batch.addTo(Tabulation.CONSENSUS, sheetOf(k, current.get(k)), 1);
      }
      i = j;
    }
    batch.publish();
  }
}
