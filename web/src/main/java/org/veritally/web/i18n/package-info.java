/** Languages, translated words and locale-aware number formatting for the site. */
package org.veritally.web.i18n;
