/** Veritally server module. */
package org.veritally.server;
