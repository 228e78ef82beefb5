package org.shahid.evidence;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a URL to one canonical spelling so the same post links the reports that cite it: lower-case host,
 * https, no fragment, no trailing slash, no tracking parameters (utm_*, fbclid...), and per platform the
 * mobile and short hosts unified (Facebook, fb.watch, X/Twitter, Telegram, TikTok, YouTube, Instagram).
 * Offline: short links that only a request could expand (vm.tiktok.com, fb.watch) are kept as they are.
 * Stateless and thread-safe.
 */
public final class NormalizeUrl {

    private static final Set<String> FACEBOOK_HOSTS = Set.of("facebook.com", "www.facebook.com", "m.facebook.com",
            "mbasic.facebook.com", "web.facebook.com", "touch.facebook.com", "fb.com", "www.fb.com");
    private static final Set<String> X_HOSTS = Set.of("twitter.com", "www.twitter.com", "mobile.twitter.com",
            "x.com", "www.x.com", "mobile.x.com");
    private static final Set<String> TELEGRAM_HOSTS = Set.of("t.me", "www.t.me", "telegram.me", "www.telegram.me",
            "telegram.dog");
    private static final Set<String> YOUTUBE_HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "music.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com");
    private static final Set<String> INSTAGRAM_HOSTS = Set.of("instagram.com", "www.instagram.com",
            "m.instagram.com");
    private static final Set<String> TIKTOK_HOSTS = Set.of("tiktok.com", "www.tiktok.com", "m.tiktok.com");
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "igshid", "igsh", "mibextid", "si",
            "feature", "ref_src", "ref_url", "__tn__", "refsrc", "_rdr", "rdid", "share_url", "sfnsn");
    private static final Pattern X_STATUS = Pattern.compile("^/([^/]+)/status(?:es)?/(\\d+)");
    private static final Pattern YOUTUBE_PATH_ID = Pattern.compile("^/(?:shorts|embed|live|v)/([A-Za-z0-9_-]{6,})");

    private NormalizeUrl() {
    }

    public static Optional<String> normalize(String raw) {
        String text = raw.strip();
        if (!text.matches("(?i)^https?://.*")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text.replace(" ", "%20").replace("|", "%7C"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String[]> query = parameters(uri.getRawQuery());
        if (FACEBOOK_HOSTS.contains(host)) {
            host = "www.facebook.com";
            query.removeIf(parameter -> parameter[0].startsWith("__cft__") || parameter[0].startsWith("__xts__"));
        } else if (host.equals("fb.watch") || host.equals("www.fb.watch")) {
            host = "fb.watch";
            query.clear();
        } else if (X_HOSTS.contains(host)) {
            host = "x.com";
            Matcher status = X_STATUS.matcher(path);
            if (status.find()) {
                path = "/" + status.group(1).toLowerCase(Locale.ROOT) + "/status/" + status.group(2);
            }
            query.clear();
        } else if (TELEGRAM_HOSTS.contains(host)) {
            host = "t.me";
            query.clear();
        } else if (TIKTOK_HOSTS.contains(host)) {
            host = "www.tiktok.com";
            query.clear();
        } else if (host.endsWith(".tiktok.com")) {
            query.clear(); // vm./vt. short links cannot be expanded offline
        } else if (host.equals("youtu.be") || YOUTUBE_HOSTS.contains(host)) {
            Optional<String> video = youtubeId(host, path, query);
            host = "www.youtube.com";
            if (video.isPresent()) {
                path = "/watch";
                query = new ArrayList<>(List.<String[]>of(new String[] {"v", video.get()}));
            }
        } else if (INSTAGRAM_HOSTS.contains(host)) {
            host = "www.instagram.com";
            query.clear();
        }
        query.removeIf(parameter -> isTracking(parameter[0]));
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder url = new StringBuilder("https://").append(host);
        if (uri.getPort() != -1 && uri.getPort() != 80 && uri.getPort() != 443) {
            url.append(':').append(uri.getPort());
        }
        url.append(path);
        for (int i = 0; i < query.size(); i++) {
            url.append(i == 0 ? '?' : '&').append(query.get(i)[0]);
            if (query.get(i)[1] != null) {
                url.append('=').append(query.get(i)[1]);
            }
        }
        return Optional.of(url.toString());
    }

    private static Optional<String> youtubeId(String host, String path, List<String[]> query) {
        if (host.equals("youtu.be")) {
            String id = path.replaceFirst("^/", "").split("/")[0];
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        }
        Matcher pathId = YOUTUBE_PATH_ID.matcher(path);
        if (pathId.find()) {
            return Optional.of(pathId.group(1));
        }
        if (path.equals("/watch")) {
            return query.stream().filter(parameter -> parameter[0].equals("v") && parameter[1] != null)
                    .map(parameter -> parameter[1]).findFirst();
        }
        return Optional.empty();
    }

    private static boolean isTracking(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("utm_") || TRACKING.contains(lower);
    }

    private static List<String[]> parameters(String rawQuery) {
        List<String[]> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            parameters.add(equals < 0 ? new String[] {pair, null}
                    : new String[] {pair.substring(0, equals), pair.substring(equals + 1)});
        }
        return parameters;
    }
}
