package org.veritally.formats.generate;

import java.util.ArrayList;
import java.util.List;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;

/**
 * The five ballots of Indonesia's 2024 general election (Pemilu), in the order the KPU numbers them, with
 * the national shares the generator draws around. Figures are rounded from the KPU's declared results
 * (presidency: 24.95 / 58.59 / 16.47 %; DPR party votes) and serve only to make generated votes look
 * real; no result of this generator is a claim about the election.
 *
 * <ul>
 *   <li>{@code PPWP}: president and vice-president, the three pairs 01–03;
 *   <li>{@code DPR}: the 18 national parties, ballot numbers 1–17 and 24;
 *   <li>{@code DPD}: regional representatives. Their candidates differ by province; the model has one list of
 *       choices per contest, so the generator uses 20 numbered ballot positions ("DPD no. 1" …), the same
 *       columns in every province, with shares drawn per province;
 *   <li>{@code DPRD-PROV} and {@code DPRD-KAB}: provincial and regency/city councils, the 18 national parties
 *       and Aceh's six local parties (numbers 18–23), which stand only for Aceh's councils (DPRA, DPRK):
 *       their lines are on every sheet of these contests and hold 0 outside Aceh (province 11).
 * </ul>
 *
 * <p>Stateless.
 */
final class IdBallots {

    /** The province whose councils' ballots carry the local parties. */
    static final String ACEH = "11";

    /** Contest ids, in ballot order. */
    static final List<String> CONTESTS = List.of("PPWP", "DPR", "DPD", "DPRD-PROV", "DPRD-KAB");

    private static final String[][] PAIRS = {
        {"01", "Anies Baswedan – Muhaimin Iskandar", "24.95"},
        {"02", "Prabowo Subianto – Gibran Rakabuming Raka", "58.59"},
        {"03", "Ganjar Pranowo – Mahfud MD", "16.47"},
    };

    /** Ballot number, name, approximate national DPR share in percent. */
    private static final String[][] PARTIES = {
        {"1", "Partai Kebangkitan Bangsa (PKB)", "10.6"},
        {"2", "Partai Gerakan Indonesia Raya (Gerindra)", "13.2"},
        {"3", "Partai Demokrasi Indonesia Perjuangan (PDI-P)", "16.7"},
        {"4", "Partai Golongan Karya (Golkar)", "15.3"},
        {"5", "Partai NasDem", "9.7"},
        {"6", "Partai Buruh", "0.6"},
        {"7", "Partai Gelombang Rakyat Indonesia (Gelora)", "1.0"},
        {"8", "Partai Keadilan Sejahtera (PKS)", "8.4"},
        {"9", "Partai Kebangkitan Nusantara (PKN)", "0.2"},
        {"10", "Partai Hati Nurani Rakyat (Hanura)", "0.7"},
        {"11", "Partai Garda Republik Indonesia (Garuda)", "0.2"},
        {"12", "Partai Amanat Nasional (PAN)", "7.2"},
        {"13", "Partai Bulan Bintang (PBB)", "0.3"},
        {"14", "Partai Demokrat", "7.4"},
        {"15", "Partai Solidaritas Indonesia (PSI)", "2.8"},
        {"16", "Partai Persatuan Indonesia (Perindo)", "1.3"},
        {"17", "Partai Persatuan Pembangunan (PPP)", "3.9"},
        {"24", "Partai Ummat", "0.6"},
    };

    /** Aceh's local parties, with an approximate share of Aceh's council votes in percent. */
    private static final String[][] ACEH_PARTIES = {
        {"18", "Partai Nanggroe Aceh (PNA)", "4.0"},
        {"19", "Partai Generasi Atjeh Beusaboh Tha'at dan Taqwa (Gabthat)", "0.5"},
        {"20", "Partai Darul Aceh (PDA)", "2.5"},
        {"21", "Partai Aceh (PA)", "17.0"},
        {"22", "Partai Adil Sejahtera Aceh (PAS Aceh)", "1.0"},
        {"23", "Partai Soliditas Independen Rakyat Aceh (SIRA)", "0.5"},
    };

    /** DPD ballot positions. */
    static final int DPD_POSITIONS = 20;

    private IdBallots() {}

    /** The contest with id {@code CONTESTS.get(c)}. */
    static Contest contest(int c) {
        String id = CONTESTS.get(c);
        List<Choice> ch = new ArrayList<>();
        switch (id) {
            case "PPWP" -> {
                for (String[] p : PAIRS) ch.add(line(id + "-" + p[0], p[0] + " " + p[1]));
            }
            case "DPD" -> {
                for (int k = 1; k <= DPD_POSITIONS; k++) ch.add(line(id + "-" + two(k), "DPD no. " + k));
            }
            default -> {
                for (String[] p : parties(id)) ch.add(line(id + "-P" + two(Integer.parseInt(p[0])), p[0] + " " + p[1]));
            }
        }
        String name = switch (id) {
            case "PPWP" -> "Presiden dan Wakil Presiden";
            case "DPR" -> "DPR RI";
            case "DPD" -> "DPD RI";
            case "DPRD-PROV" -> "DPRD Provinsi";
            default -> "DPRD Kabupaten/Kota";
        };
        return new Contest(
                id,
                name,
                ch,
                ch.stream().map(x -> new Candidate(x.candidateId(), x.name())).toList());
    }

    /**
     * The national weights of contest {@code c}'s lines in ballot order; {@code inAceh} decides whether the
     * local parties of the council contests stand (elsewhere their weight is 0).
     */
    static double[] weights(int c, boolean inAceh) {
        String id = CONTESTS.get(c);
        return switch (id) {
            case "PPWP" -> shares(PAIRS, 2);
            case "DPD" -> {
                double[] w = new double[DPD_POSITIONS];
                for (int k = 0; k < w.length; k++) w[k] = Math.exp(-0.15 * k);
                yield w;
            }
            default -> {
                List<String[]> ps = parties(id);
                double[] w = new double[ps.size()];
                for (int k = 0; k < w.length; k++) {
                    boolean local = k >= PARTIES.length;
                    w[k] = local && !inAceh ? 0 : Double.parseDouble(ps.get(k)[2]);
                }
                yield w;
            }
        };
    }

    /** The share of invalid ballots (tidak sah) around which each contest's is drawn. */
    static double invalidShare(int c) {
        return switch (CONTESTS.get(c)) {
            case "PPWP" -> 0.02;
            case "DPR" -> 0.09;
            case "DPD" -> 0.12;
            default -> 0.10;
        };
    }

    private static List<String[]> parties(String contest) {
        List<String[]> all = new ArrayList<>(List.of(PARTIES));
        if (contest.startsWith("DPRD")) {
            all.addAll(List.of(ACEH_PARTIES));
        }
        return all;
    }

    private static double[] shares(String[][] rows, int col) {
        double[] w = new double[rows.length];
        for (int k = 0; k < w.length; k++) w[k] = Double.parseDouble(rows[k][col]);
        return w;
    }

    private static Choice line(String id, String name) {
        return new Choice(id, name, id);
    }

    private static String two(int k) {
        return k < 10 ? "0" + k : Integer.toString(k);
    }
}
