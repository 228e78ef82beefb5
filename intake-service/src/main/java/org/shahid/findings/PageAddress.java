package org.shahid.findings;

import java.net.URI;
import java.util.Locale;

/**
 * A web address reduced to what says whose page it is: the host without {@code www.}/{@code m.} and the path
 * without a trailing slash, both lower case. Immutable.
 */
record PageAddress(String host, String path) {

    /** Null for a text that is not an http(s) URL. */
    static PageAddress of(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null || uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT)
                    .startsWith("http")) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^(www|m|mobile)\\.", "");
            String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
            return new PageAddress(host, path.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the other address is this page or a page under it. */
    boolean contains(PageAddress other) {
        return host.equals(other.host) && (other.path.equals(path) || other.path.startsWith(path + "/"));
    }

    /** Whether this address lies on the domain or one of its subdomains. */
    boolean isOn(String domain) {
        String wanted = domain.toLowerCase(Locale.ROOT);
        return host.equals(wanted) || host.endsWith("." + wanted);
    }
}
