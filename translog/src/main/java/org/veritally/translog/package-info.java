/**
 * The transparency log: an RFC 9162 Merkle tree with proofs, C2SP signed checkpoints, witness
 * cosignatures and the C2SP tlog-tiles publication layout. Pure code: no I/O, no dependency beyond
 * the JDK (SHA-256 and Ed25519 come from the JDK providers).
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>Tree (RFC 9162 §2.1.1): {@link org.veritally.translog.LogHasher}, {@link
 *       org.veritally.translog.NodeId} (only perfect subtrees are stored), {@link
 *       org.veritally.translog.HashReader} (the storage port), {@link
 *       org.veritally.translog.TreeAppender} and {@link org.veritally.translog.CompactRange} (the
 *       sequencer's append path), {@link org.veritally.translog.MerkleRoot}.
 *   <li>Proofs (RFC 9162 §2.1.3, §2.1.4): {@link org.veritally.translog.InclusionProof}, {@link
 *       org.veritally.translog.ConsistencyProof}, built with O(log n) reads in one batch; checked by
 *       {@link org.veritally.translog.InclusionVerifier} and {@link
 *       org.veritally.translog.ConsistencyVerifier}.
 *   <li>Signatures (C2SP signed-note, tlog-checkpoint, tlog-cosignature): {@link
 *       org.veritally.translog.Note}, {@link org.veritally.translog.NoteSigner}, {@link
 *       org.veritally.translog.VerifierKey}, {@link org.veritally.translog.NoteVerifier}, {@link
 *       org.veritally.translog.Checkpoint}, {@link org.veritally.translog.SignedCheckpoint}, {@link
 *       org.veritally.translog.Cosignature}, {@link org.veritally.translog.WitnessQuorum}.
 *   <li>Publication (C2SP tlog-tiles): {@link org.veritally.translog.Tile}, {@link
 *       org.veritally.translog.TileLayout}, {@link org.veritally.translog.TileBuilder}, {@link
 *       org.veritally.translog.EntryBundle}, {@link org.veritally.translog.TileHashReader} and
 *       {@link org.veritally.translog.TileVerifier} (the offline verifier's view).
 * </ul>
 *
 * <h2>Failures</h2>
 *
 * <p>Every rule has a stable ID listed in {@link org.veritally.translog.Rule} ({@code LOG-INC-*},
 * {@code LOG-CON-*}, {@code NOTE-*}, {@code CKPT-*}, {@code COSIG-*}, {@code TILE-*}). Bad evidence
 * is a value: verification returns a {@link org.veritally.translog.Verification} naming each
 * failed rule with the expected and computed values, and parsing returns {@link
 * org.veritally.translog.Parsed} with every {@link org.veritally.core.validation.Problem}. Programming
 * errors (a node index out of range, a short leaf hash handed to the appender) throw {@link
 * java.lang.IllegalArgumentException}.
 *
 * <h2>Specifications</h2>
 *
 * <ul>
 *   <li>RFC 9162, Certificate Transparency Version 2.0, §2.1 (Merkle trees and proofs).
 *   <li>c2sp.org/signed-note, c2sp.org/tlog-checkpoint, c2sp.org/tlog-cosignature,
 *       c2sp.org/tlog-tiles.
 * </ul>
 */
package org.veritally.translog;
