package org.veritally.server.ops;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The key a client's requests are counted under: its IPv4 address, or the /64 prefix of its IPv6
 * address (one subscriber usually holds a whole /64, so per-address limits would be trivial to dodge
 * otherwise). Behind a reverse proxy or CDN the socket address is the proxy's; the operator then names
 * the header the proxy sets ({@code --client-address-header}). For {@code X-Forwarded-For} the last
 * entry counts: it is the one the operator's own proxy appended, the others are the client's to
 * invent. A header value that is not an IP literal is ignored (the socket address counts) and never
 * resolved through DNS. Stateless.
 */
public final class ClientAddress {
    private ClientAddress() {}

    /** The rate-limit key for a request from {@code socketAddress} carrying {@code headerValue}. */
    public static String key(String socketAddress, Optional<String> headerValue) {
        String a = headerValue
                .map(ClientAddress::lastHop)
                .filter(ClientAddress::literal)
                .orElse(socketAddress);
        return a.indexOf(':') >= 0 ? v6(a) : a;
    }

    private static String lastHop(String header) {
        int comma = header.lastIndexOf(',');
        return header.substring(comma + 1).strip();
    }

    /** An IPv4 or IPv6 literal: digits, hex letters, dots and colons only, with a colon for hex. */
    static boolean literal(String s) {
        if (s.isEmpty() || s.length() > 45) return false;
        boolean colon = s.indexOf(':') >= 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9')
                    || c == '.'
                    || (colon && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok) return false;
        }
        return true;
    }

    private static String v6(String a) {
        String s = a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
        if (!literal(s)) return a;
        try {
            // a string with a colon and only hex digits, dots and colons is parsed as a literal: no DNS
            InetAddress ip = InetAddress.getByName(s);
            if (!(ip instanceof Inet6Address)) return ip.getHostAddress();
            byte[] b = ip.getAddress();
            var sb = new StringBuilder("v6:");
            for (int i = 0; i < 8; i += 2)
                sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)))
                        .append(':');
            return sb.append(":/64").toString();
        } catch (UnknownHostException e) {
            return a;
        }
    }
}
