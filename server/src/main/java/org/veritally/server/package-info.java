/** Use cases, the sequencer, and the HTTP API. */
package org.veritally.server;
