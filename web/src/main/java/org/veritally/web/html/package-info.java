/** Escaping HTML writer used by every page renderer; the only way markup is produced. */
package org.veritally.web.html;
