package org.veritally.stats;

/**
 * Stable identifiers of every statistical check and outlier rule, with the caveat that goes with each.
 *
 * <p>The {@link #code()} (for example {@code ST-2BL}) is the public name of the rule: it appears in results,
 * in documentation and in test names, and never changes meaning once released. The {@link #caveat()} is the
 * plain-language warning that every result of the rule carries. Immutable and thread-safe.
 */
public enum RuleId {
    /** Mebane's second-digit Benford test (Mebane, "Election Forensics", 2006; 2BL). */
    ST_2BL(
            "ST-2BL",
            "At national sizes the 2BL test rejects almost any real count: real vote counts do not follow"
                    + " Benford's law exactly, so a small p-value here is a reason to look, not evidence of fraud.",
            "Mebane, W. (2006) Election Forensics: Vote Counts and Benford's Law; Deckert, Myagkov & Ordeshook"
                    + " (2011) Political Analysis 19(3)"),
    /** Uniformity of last digits (Beber &amp; Scacco 2012, section 3). */
    ST_LD_UNIF(
            "ST-LD-UNIF",
            "Last digits are uniform only when counts are spread over many tens; small or very similar counts"
                    + " can fail the test without any manipulation.",
            "Beber & Scacco (2012) What the Numbers Say, Political Analysis 20(2):211-234, section 3"),
    /** Share of repeated last-two-digit pairs, expected 10% (Beber &amp; Scacco 2012). */
    ST_LD_REPEAT(
            "ST-LD-REPEAT",
            "People who invent numbers tend to avoid repeated digits, but a deviation can also come from the"
                    + " shape of honest counts; use it together with the other digit tests.",
            "Beber & Scacco (2012) Political Analysis 20(2):211-234, section 3"),
    /** Share of adjacent last-two-digit pairs, expected 20% (Beber &amp; Scacco 2012). */
    ST_LD_ADJ(
            "ST-LD-ADJ",
            "People who invent numbers tend to favour adjacent digits (23, 78), but a deviation can also come from"
                    + " the shape of honest counts; use it together with the other digit tests.",
            "Beber & Scacco (2012) Political Analysis 20(2):211-234, section 3"),
    /** Election fingerprint: 2-D histogram of turnout against the winner's share. */
    ST_FP(
            "ST-FP",
            "The fingerprint is a picture, not a test: a smear towards 100% turnout and 100% winner's share is a"
                    + " known sign of ballot stuffing, but real geography (cities, small rural "
                    + "stations) shapes it too.",
            "Klimek, Yegorov, Hanel & Thurner (2012) Statistical detection of systematic election irregularities,"
                    + " PNAS 109(41):16469-16473"),
    /** Excess of stations whose turnout is an exact integer percentage. */
    ST_INTPCT_TURNOUT(
            "ST-INTPCT-TURNOUT",
            "An excess of round turnouts suggests numbers written to a target, but it says nothing about which"
                    + " stations did so or who benefited.",
            "Kobak, Shpilkin & Pshenichnikov (2016) Integer percentages as electoral falsification"
                    + " fingerprints, Annals of Applied Statistics 10(1):54-73"),
    /** Excess of stations whose leader's share is an exact integer percentage. */
    ST_INTPCT_SHARE(
            "ST-INTPCT-SHARE",
            "An excess of round leader shares suggests numbers written to a target, but it says nothing about"
                    + " which stations did so.",
            "Kobak, Shpilkin & Pshenichnikov (2016) Annals of Applied Statistics 10(1):54-73"),
    /** Ballots cast exceed registered voters. */
    ST_OUT_TURNOUT100(
            "ST-OUT-TURNOUT100",
            "More ballots than registered voters is impossible unless the register excludes people allowed to"
                    + " vote there (officials, supplementary lists) or the sheet was mistyped: check the image.",
            "Standard observer practice; e.g. Carter Center / NDI PVT guidance on arithmetic checks"),
    /** Turnout above 95% (and at most 100%). */
    ST_OUT_TURNOUT95(
            "ST-OUT-TURNOUT95",
            "Very high turnout happens honestly in small or close-knit communities; it is a place to look, not a"
                    + " finding.",
            "Klimek et al. (2012) PNAS 109(41), extreme-turnout region of the fingerprint"),
    /** One candidate received every valid vote. */
    ST_OUT_UNANIMOUS(
            "ST-OUT-UNANIMOUS",
            "Unanimous stations exist honestly (tiny stations, strongholds); many of them, or large ones, deserve"
                    + " a look at the tally sheet.",
            "Myagkov, Ordeshook & Shakin (2009) The Forensics of Election Fraud, ch. 2"),
    /** Two stations of one centre report the identical, non-trivial vote vector. */
    ST_OUT_DUPVEC(
            "ST-OUT-DUPVEC",
            "Identical sheets in one centre can be copied numbers, or one sheet entered twice under two stations;"
                    + " compare the images before concluding anything.",
            "Observer data-quality practice (duplicate tally sheets)"),
    /** A major candidate got zero votes at a station with many valid votes. */
    ST_OUT_ZEROMAJOR(
            "ST-OUT-ZEROMAJOR",
            "Zero votes for a major candidate at a large station is rare but possible (strongholds); it is also"
                    + " what a transposed or skipped column looks like: check the image.",
            "Observer data-quality practice; Myagkov, Ordeshook & Shakin (2009) ch. 2"),
    /** A candidate's share deviates strongly from the other stations of the same centre or unit. */
    ST_OUT_NEIGHBOUR(
            "ST-OUT-NEIGHBOUR",
            "Stations in one centre usually serve similar voters, but not always (alphabetical splits, special"
                    + " tables); a deviation is a reason to compare the sheets, not proof.",
            "Iglewicz & Hoaglin (1993) How to Detect and Handle Outliers, modified z-score (MAD)"),
    /** Announced totals that land exactly on round percentages. */
    ST_ROUND(
            "ST-ROUND",
            "Counts that all sit on round percentages are very unlikely by chance; they suggest the totals were"
                    + " computed from chosen percentages, but the check cannot say who did it or why.",
            "Round-share argument as applied to the CNE bulletin of 29 July 2024; derivation in RoundShares"),
    /** Quick count (PVT): sampling, estimation, comparison with announced shares. */
    ST_QC(
            "ST-QC",
            "The interval covers sampling error only, assuming the sample was drawn as planned and every sampled"
                    + " sheet is reported; missing or late sheets can bias it.",
            "Cochran (1977) Sampling Techniques, 3rd ed., ch. 6 (ratio estimators, 6.11-6.13); Rivest (2018)"
                    + " Consistent sampling with replacement, arXiv:1808.10016"),
    /** Quick-count sample size (NDI formula with finite-population correction). */
    ST_QC_SIZE(
            "ST-QC-SIZE",
            "The formula assumes simple random sampling of voters; a sample of whole stations (clusters) needs"
                    + " more voters for the same margin.",
            "Estok, Nevitte & Cowan (2002) The Quick Count and Election Observation, NDI, ch. 5"),
    /** Whether the unreported stations could still change the outcome. */
    ST_IRREV(
            "ST-IRREV",
            "The bound assumes every remaining registered voter votes, and for the runner-up: it is the most the"
                    + " remaining stations could change, not a forecast.",
            "Worst-case bound from the registered voters of unreported stations"),
    /** Risk-limiting batch comparison: MACRO taints and the Kaplan-Markov p-value over a PPEB sample. */
    ST_RLA_MACRO(
            "ST-RLA-MACRO",
            "The risk limit holds only if the paper counted by hand is the complete, accurate record of the votes"
                    + " (a compliance audit checks that) and the seed was fixed after the sheets were published.",
            "Stark (2008) A sharper discrepancy measure for post-election audits, Ann. Appl. Stat. 2(3); Stark"
                    + " (2009) Risk-limiting post-election audits: P-values from common probability inequalities,"
                    + " IEEE TIFS 4(4); Lindeman (2010) A Kaplan-Markov auditing example using 2008 California data"),
    /** Risk-limiting batch comparison stratified by jurisdiction: the Kaplan-Markov risk maximized over strata. */
    ST_RLA_STRATA(
            "ST-RLA-STRATA",
            "Conservative: the risk is the largest over every split of the outcome-changing error among the"
                    + " strata, so a stratified audit may need somewhat more draws than one over the whole contest.",
            "Stark (2008) Conservative statistical post-election audits, Ann. Appl. Stat. 2(2); Higgins, Rivest"
                    + " & Stark (2011) Sharper p-values for stratified election audits, Stat. Politics Policy 2(1);"
                    + " Spertus & Stark (2022) Sweeter than SUITE, arXiv:2207.03379"),
    /** Risk-limiting ballot polling: BRAVO's sequential probability ratio test. */
    ST_RLA_BRAVO(
            "ST-RLA-BRAVO",
            "The risk limit holds only if the ballots drawn are the complete, accurate record of the votes; the"
                    + " sample needed grows with the inverse square of the margin, so close contests need many"
                    + " ballots.",
            "Lindeman, Stark & Yates (2012) BRAVO: Ballot-polling risk-limiting audits to verify outcomes,"
                    + " EVT/WOTE '12; Lindeman & Stark (2012) A Gentle Introduction to Risk-limiting Audits,"
                    + " IEEE Security & Privacy 10(5)");

    private final String code;
    private final String caveat;
    private final String source;

    RuleId(String code, String caveat, String source) {
        this.code = code;
        this.caveat = caveat;
        this.source = source;
    }

    /** The stable public identifier, for example {@code ST-2BL}. */
    public String code() {
        return code;
    }

    /** The plain-language caveat that every result of this rule carries. */
    public String caveat() {
        return caveat;
    }

    /** The published source of the method. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return code;
    }
}
