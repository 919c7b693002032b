package org.veritally.core.rulebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.TranscriberPauseEntry;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.entry.TranscriptionFlagEntry;
import org.veritally.core.entry.TranscriptionReportEntry;
import org.veritally.core.entry.TranscriptionWork;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.TranscriptionPolicy;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoOutcome;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.core.transcribe.PhotoWork;
import org.veritally.core.transcribe.TranscriptionRule;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.core.validation.SheetValidator;

/**
 * The {@link Rulebook}'s rules for transcription work (docs/transcription.md), and the derivation of the
 * agreed copy: whether a transcription, a flag or a pause may stand, and what it leads to.
 *
 * <ul>
 *   <li>transcription and flag: TR-PHOTO (the photo is evidence of this station by this source, and of
 *       this contest where the evidence names one), TR-OWN (not by the account that filed the photo),
 *       TR-PAUSED, TR-TWICE, TR-CLOSED (a volunteer's work on a photo that is not open), TR-SETTLE (a
 *       moderator's decision on a photo that is not escalated);
 *   <li>transcription: the sheet rules of {@link SheetValidator}; TS-SUM, TS-BALLOTS, TS-REG and
 *       TS-FLAG-ZERO need the transcriber's confirmation (TR-CONFIRM; confirmed, they are flagged
 *       TR-CONFIRMED), every other error refuses it as it refuses a sheet;
 *   <li>agreement: among the work on the photo by accounts not paused, k transcriptions with the same
 *       figures agree (TR-AGREE) and the photo's source gets them as its copy, unless they break a sheet
 *       rule or the source already has another copy of the station (then TR-ESCALATE); k flags with the
 *       same reason reject the photo (TR-REJECT); m pieces of work without either escalate it
 *       (TR-ESCALATE). A moderator's transcription settles an escalated photo with its copy, a moderator's
 *       flag rejects it;
 *   <li>pause: a pause of an account already paused is a repeat; a lift of an account not paused is
 *       TR-LIFT. Work counts only if done after the account's latest pause ({@link
 *       org.veritally.core.transcribe.TranscriptionBook#counts});
 *   <li>report: {@link PhotoReports} (TR-REPORT, TR-RETURN);
 *   <li>before all of these, for a transcription, flag or report: TR-SIGN ({@link WorkSignatures}).
 * </ul>
 *
 * Stateless. Public for {@link #CONFIRMABLE} only; the rules are decided through the {@link Rulebook}.
 */
public final class TranscriptionRules {
    /**
     * The sheet rules a transcriber may confirm the photo breaks (TR-CONFIRM), in this order: the pages' one
     * confirmation checkbox confirms them all.
     */
    public static final List<String> CONFIRMABLE =
            List.of(Rule.TS_SUM.id(), Rule.TS_BALLOTS.id(), Rule.TS_REG.id(), Rule.TS_FLAG_ZERO.id());

    private TranscriptionRules() {}

    static Decision decide(
            LedgerView ledger,
            TranscriptionWork e,
            String where,
            MachineFigures machine,
            java.util.function.Predicate<String> verifies) {
        // TR-SIGN first and alone: an entry that is not its account's says nothing else worth deciding
        Optional<Problem> unsigned =
                e.worker().flatMap(account -> WorkSignatures.check(ledger.keys(), e, account, verifies, where));
        if (unsigned.isPresent()) return new Decision.Refuse(List.of(unsigned.get()));
        return e.accept(new TranscriptionWork.Visitor<Decision>() {
            @Override
            public Decision transcription(TranscriptionEntry t) {
                return TranscriptionRules.transcription(ledger, t, where, machine);
            }

            @Override
            public Decision flag(TranscriptionFlagEntry f) {
                return TranscriptionRules.flag(ledger, f, where);
            }

            @Override
            public Decision pause(TranscriberPauseEntry p) {
                var at = ledger.transcriptions().pausedAt(p.account());
                if (p.lift())
                    return at.isPresent()
                            ? Decision.Accept.plain()
                            : new Decision.Refuse(List.of(new Problem(
                                    TranscriptionRule.TR_LIFT,
                                    where + " account",
                                    "account '" + p.account() + "' is not paused")));
                return at.isPresent() ? new Decision.Repeat(at.getAsLong()) : Decision.Accept.plain();
            }

            @Override
            public Decision report(TranscriptionReportEntry r) {
                return PhotoReports.decide(ledger, r, where);
            }
        });
    }

    private static Decision transcription(
            LedgerView ledger, TranscriptionEntry t, String where, MachineFigures machine) {
        TallySheet s = t.sheet();
        Election el = ledger.election().orElseThrow();
        PhotoKey key = new PhotoKey(t.photo(), s.stationId(), s.sourceId());
        List<Problem> errors = new ArrayList<>(0);
        List<Problem> flags = new ArrayList<>(0);
        photo(ledger, key, Optional.of(s.contestId()), Optional.of(t.account()), where)
                .ifPresent(errors::add);
        for (Problem p : SheetValidator.validate(s, el, ledger.catalogue())) {
            boolean confirmable = CONFIRMABLE.contains(p.rule().id());
            if (confirmable && !t.settles() && t.confirmed().contains(p.rule().id())) {
                flags.add(new Problem(
                        TranscriptionRule.TR_CONFIRMED,
                        where,
                        "confirmed " + p.rule().id() + ": " + p.message()));
            } else if (confirmable && !t.settles()) {
                errors.add(new Problem(
                        TranscriptionRule.TR_CONFIRM,
                        where,
                        p.rule().id() + " (" + p.message() + "): type the figures again, or confirm the photo"
                                + " shows them"));
            } else if (p.isError()
                    || p.rule() == Rule.TS_FLAG_ZERO
                            && !t.confirmed().contains(p.rule().id())) {
                errors.add(p.at(where));
            } else flags.add(p.at(where));
        }
        Optional<PhotoWork> work = ledger.transcriptions().photo(key);
        work(ledger, work, t.account(), t.settles(), false, where).ifPresent(errors::add);
        if (!errors.isEmpty()) return new Decision.Refuse(errors);
        if (t.settles()) return copy(ledger, s, PhotoStatus.SETTLED, flags, where);
        TranscriptionPolicy policy = el.transcription();
        int agree = 1;
        int counting = 1;
        for (PhotoWork.Work w : work.map(PhotoWork::work).orElse(List.of())) {
            if (!ledger.transcriptions().counts(w)) continue;
            counting++;
            if (w.sheet().isPresent() && w.sheet().get().sameCountsAs(s)) agree++;
        }
        Optional<TallySheet> read = policy.machineVoter() ? machineRead(ledger, key, s, machine) : Optional.empty();
        if (read.isPresent()) { // one voter more, never shown to transcribers (TR-MACHINE)
            counting++;
            if (read.get().sameCountsAs(s)) {
                agree++;
                flags.add(new Problem(
                        TranscriptionRule.TR_MACHINE, where, "the machine read of " + key + " has the same figures"));
            }
        }
        if (agree >= policy.agree()) return copy(ledger, s, PhotoStatus.AGREED, flags, where);
        if (counting >= policy.most()) {
            flags.add(new Problem(
                    TranscriptionRule.TR_ESCALATE,
                    where,
                    counting + " transcriptions of " + key + " without " + policy.agree() + " agreeing"));
            return outcome(flags, PhotoStatus.ESCALATED);
        }
        return outcome(flags, PhotoStatus.OPEN);
    }

    /**
     * The agreed or settled figures as the copy of the photo's source: refused (TR-SETTLE) or escalated
     * (TR-ESCALATE) when they break a sheet rule or the source has another copy of the station.
     */
    private static Decision copy(
            LedgerView ledger, TallySheet s, PhotoStatus status, List<Problem> flags, String where) {
        Election el = ledger.election().orElseThrow();
        List<Problem> broken = new ArrayList<>(0);
        for (Problem p : SheetValidator.validate(s, el, ledger.catalogue())) if (p.isError()) broken.add(p);
        long copyKey = CopyKey.of(
                ledger.catalogue().stationIndex(s.stationId()),
                el.contestIndex(s.contestId()),
                ledger.sourceIndex(s.sourceId()));
        long current = ledger.currentIndex(copyKey);
        String why = !broken.isEmpty()
                ? "the figures break " + broken.get(0).rule().id() + " ("
                        + broken.get(0).message() + ")"
                : current >= 0 && !ledger.currentSheet(copyKey).sameCountsAs(s)
                        ? "source " + s.sourceId() + " already has other figures for " + s.stationId() + "/"
                                + s.contestId() + " at log index " + current
                        : "";
        if (!why.isEmpty()) {
            if (status == PhotoStatus.SETTLED)
                return new Decision.Refuse(List.of(new Problem(
                        TranscriptionRule.TR_SETTLE, where, "a moderator's figures cannot stand as the copy: " + why)));
            flags.add(
                    new Problem(TranscriptionRule.TR_ESCALATE, where, "agreed, but " + why + ": a moderator decides"));
            return outcome(flags, PhotoStatus.ESCALATED);
        }
        if (current >= 0) {
            flags.add(new Problem(
                    TranscriptionRule.TR_AGREE,
                    where,
                    "agreed with the source's copy already at log index " + current));
            return outcome(flags, status);
        }
        flags.add(new Problem(
                TranscriptionRule.TR_AGREE,
                where,
                (status == PhotoStatus.SETTLED ? "settled by a moderator" : "agreed") + ": the copy of source "
                        + s.sourceId() + " for " + s.stationId() + "/" + s.contestId()));
        return new Decision.Accept(flags, copyKey, -1, Optional.of(new PhotoOutcome(status, Optional.of(s))));
    }

    private static Decision flag(LedgerView ledger, TranscriptionFlagEntry f, String where) {
        PhotoKey key = new PhotoKey(f.photo(), f.stationId(), f.sourceId());
        List<Problem> errors = new ArrayList<>(0);
        photo(ledger, key, Optional.empty(), Optional.of(f.account()), where).ifPresent(errors::add);
        Optional<PhotoWork> work = ledger.transcriptions().photo(key);
        work(ledger, work, f.account(), f.settles(), true, where).ifPresent(errors::add);
        if (!errors.isEmpty()) return new Decision.Refuse(errors);
        List<Problem> flags = new ArrayList<>(1);
        if (f.settles()) {
            flags.add(new Problem(
                    TranscriptionRule.TR_REJECT,
                    where,
                    "a moderator rejected " + key + ": " + f.reason().wire()));
            return outcome(flags, PhotoStatus.REJECTED);
        }
        TranscriptionPolicy policy = ledger.election().orElseThrow().transcription();
        int agree = 1;
        int counting = 1;
        for (PhotoWork.Work w : work.map(PhotoWork::work).orElse(List.of())) {
            if (!ledger.transcriptions().counts(w)) continue;
            counting++;
            if (w.flag().isPresent() && w.flag().get() == f.reason()) agree++;
        }
        if (agree >= policy.agree()) {
            flags.add(new Problem(
                    TranscriptionRule.TR_REJECT,
                    where,
                    agree + " flags of " + key + " agree: " + f.reason().wire()));
            return outcome(flags, PhotoStatus.REJECTED);
        }
        if (counting >= policy.most()) {
            flags.add(new Problem(
                    TranscriptionRule.TR_ESCALATE,
                    where,
                    counting + " pieces of work on " + key + " without " + policy.agree() + " agreeing"));
            return outcome(flags, PhotoStatus.ESCALATED);
        }
        return outcome(flags, PhotoStatus.OPEN);
    }

    private static Decision outcome(List<Problem> flags, PhotoStatus status) {
        return new Decision.Accept(flags, -1, -1, Optional.of(new PhotoOutcome(status, Optional.empty())));
    }

    /** The figures a machine read from the photo's evidence entry for the sheet's contest, if any. */
    private static Optional<TallySheet> machineRead(
            LedgerView ledger, PhotoKey key, TallySheet s, MachineFigures machine) {
        Election el = ledger.election().orElseThrow();
        for (LedgerView.Filed f : ledger.evidence(key.sha256())) {
            var ev = f.entry().evidence();
            if (!ev.stationId().equals(key.stationId()) || !ev.sourceId().equals(key.sourceId())) continue;
            return machine.of(ev, s.contestId(), el)
                    .filter(m -> m.stationId().equals(s.stationId())
                            && m.contestId().equals(s.contestId())
                            && m.sourceId().equals(s.sourceId()));
        }
        return Optional.empty();
    }

    /** TR-PHOTO or TR-OWN, if the photo is not filed as named, or was filed by {@code account} (if given). */
    static Optional<Problem> photo(
            LedgerView ledger, PhotoKey key, Optional<String> contest, Optional<String> account, String where) {
        for (LedgerView.Filed f : ledger.evidence(key.sha256())) {
            var ev = f.entry().evidence();
            if (!ev.stationId().equals(key.stationId()) || !ev.sourceId().equals(key.sourceId())) continue;
            if (contest.isPresent()
                    && ev.contestId().isPresent()
                    && !ev.contestId().equals(contest)) continue;
            if (account.isPresent() && ev.account().equals(account.get()))
                return Optional.of(new Problem(
                        TranscriptionRule.TR_OWN,
                        where + " account",
                        "account '" + account.get() + "' filed this photo (log index " + f.index() + ")"));
            return Optional.empty();
        }
        return Optional.of(new Problem(
                TranscriptionRule.TR_PHOTO,
                where + " photo",
                "no photo " + key.sha256() + " is filed as evidence for station " + key.stationId() + " by source "
                        + key.sourceId() + contest.map(c -> " for contest " + c).orElse("")));
    }

    /**
     * TR-PAUSED, TR-TWICE, TR-CLOSED or TR-SETTLE, if the work may not be done on the photo now; a moderator's
     * flag ({@code rejects}) may also decide a reported photo.
     */
    private static Optional<Problem> work(
            LedgerView ledger,
            Optional<PhotoWork> work,
            String account,
            boolean settles,
            boolean rejects,
            String where) {
        var paused = ledger.transcriptions().pausedAt(account);
        if (paused.isPresent())
            return Optional.of(new Problem(
                    TranscriptionRule.TR_PAUSED,
                    where + " account",
                    "account '" + account + "' is paused (log index " + paused.getAsLong() + ")"));
        if (work.isPresent() && work.get().workedBy(account))
            return Optional.of(new Problem(
                    TranscriptionRule.TR_TWICE, where + " account", "account '" + account + "' already worked on it"));
        PhotoStatus status = work.map(PhotoWork::status).orElse(PhotoStatus.OPEN);
        if (settles && status != PhotoStatus.ESCALATED && !(rejects && status == PhotoStatus.REPORTED))
            return Optional.of(Problem.mismatch(
                    TranscriptionRule.TR_SETTLE,
                    where,
                    "a moderator decides an escalated photo" + (rejects ? " or a reported one" : ""),
                    "escalated",
                    status.wire()));
        if (!settles && status != PhotoStatus.OPEN)
            return Optional.of(Problem.mismatch(
                    TranscriptionRule.TR_CLOSED, where, "volunteers work on open photos", "open", status.wire()));
        return Optional.empty();
    }
}
