package org.veritally.image.qr;

import java.util.List;

/** What reading a photo for QR codes gave: codes, none, or bytes that are not a photo at all. */
public sealed interface QrRead {
    /** How many attempts were made, the successful one included. */
    int attemptsMade();

    /**
     * One or more codes. Usually all read by one attempt; when a boletim announces several parts and one
     * attempt misses some, later attempts add them.
     *
     * @param payloads the text of each code found, distinct, in the order they were found
     * @param attempt the attempt that read the last new code
     * @param attemptsMade how many attempts were made, this one included (1 is the common case)
     */
    record Found(List<String> payloads, Attempt attempt, int attemptsMade) implements QrRead {
        public Found {
            payloads = List.copyOf(payloads);
            if (payloads.isEmpty()) throw new IllegalArgumentException("found, but no payload");
        }
    }

    /**
     * Every attempt was made and none read a code. Not an error of the photo: the sheet may carry no code, or
     * the code may be out of frame, blurred, torn or covered. The photo is still evidence.
     */
    record NoneFound(int attemptsMade) implements QrRead {}

    /**
     * The bytes could not be decoded as an image (not an image, a format {@code javax.imageio} does not read,
     * or truncated).
     *
     * @param reason what the decoder said
     */
    record Undecodable(String reason) implements QrRead {
        @Override
        public int attemptsMade() {
            return 0;
        }
    }
}
