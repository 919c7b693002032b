package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/** {@code check-receipt} on a text that is not a c2sp.org/tlog-proof@v1 receipt. */
class ReceiptFormatTest {
    static final NoteSigner LOG = NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519);

    @Test
    void rcptFmt1ForATextThatIsNotAReceipt() {
        Report r =
                new ReceiptCheck(LOG.verifierKey()).check("receipt.txt", "hello, I am a receipt\n", Optional.empty());
        assertThat(r.verified()).isFalse();
        assertThat(r.result(Check.RCPT_SIG).orElseThrow().mismatches())
                .extracting(m -> m.rule().id())
                .contains("RCPT-FMT-1");
        assertThat(ReportFormat.text(r)).contains("RCPT-FMT-1 at receipt.txt");
    }
}
