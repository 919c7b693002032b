/**
 * Transcription campaigns on the server side (docs/transcription.md): the work queue with its leases and
 * quotas, gold tasks and pauses. What a transcription means is the rulebook's; this package only hands
 * out work and writes entries through intake.
 */
package org.veritally.server.transcribe;
