package org.veritally.core.model;

import java.util.regex.Pattern;

/** Preconditions on identifiers: printable, no spaces, no separators used by URLs or CSV. */
final class Ids {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

  private Ids() {}

  static void require(String id, String what) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " is not a valid id: '" + id + "' (allowed: A-Z a-z 0-9 . _ : -, 1-64 chars)");
    }
  }

  static boolean valid(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
