/**
 * Transcription by many hands (docs/transcription.md): the state of each photo's transcriptions, as the
 * rulebook derives it from the log, and the rule IDs of the TR family. Pure; no I/O.
 */
package org.veritally.core.transcribe;
