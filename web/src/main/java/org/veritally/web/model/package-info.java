/**
 * View models: immutable records holding exactly what one page shows, already read from the live
 * state. Renderers turn them into HTML without touching the state, so a page can be rendered again
 * (for a static mirror) from the same model, and tested without a server.
 */
package org.veritally.web.model;
