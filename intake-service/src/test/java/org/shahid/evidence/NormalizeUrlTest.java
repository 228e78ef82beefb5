package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two spellings of one post normalise to the same URL; tracking goes, identity of the post stays. */
class NormalizeUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {
        "https://m.facebook.com/story.php?story_fbid=123&id=456&fbclid=IwAR0xyz https://www.facebook.com/story.php?story_fbid=123&id=456",
        "https://mbasic.facebook.com/groups/789/posts/1011/?__cft__[0]=AZX&__tn__=%2CO%2CP-R https://www.facebook.com/groups/789/posts/1011",
        "https://web.facebook.com/watch/?v=555 https://www.facebook.com/watch?v=555",
        "https://fb.watch/aBc123/?mibextid=xyz https://fb.watch/aBc123",
        "https://twitter.com/SomeCandidate/status/1234567890?s=20&t=abcDEF https://x.com/somecandidate/status/1234567890",
        "https://mobile.twitter.com/somecandidate/status/1234567890/photo/1 https://x.com/somecandidate/status/1234567890",
        "x.com/SomeCandidate/status/1234567890 https://x.com/somecandidate/status/1234567890",
        "https://telegram.me/election_news/42?single https://t.me/election_news/42",
        "t.me/election_news/42 https://t.me/election_news/42",
        "https://vm.tiktok.com/ZMabc123/?k=1 https://vm.tiktok.com/ZMabc123",
        "https://m.tiktok.com/@user/video/7000?is_from_webapp=1&sender_device=pc https://www.tiktok.com/@user/video/7000",
        "https://youtu.be/dQw4w9WgXcQ?si=abc&t=42 https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&feature=share https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://instagram.com/p/Cabc123/?igshid=MzRl&utm_source=ig_web https://www.instagram.com/p/Cabc123",
        "https://www.instagram.com/reel/Cxyz/?igsh=abc https://www.instagram.com/reel/Cxyz",
        "HTTP://News.Example.ORG/article/9/?utm_source=wa&id=3#comments https://news.example.org/article/9?id=3",
    })
    void normalises(String raw, String expected) {
        assertThat(NormalizeUrl.normalize(raw)).contains(expected);
    }

    @Test
    void extractsUrlsFromProseWithoutTrailingPunctuation() {
        String text = "See https://twitter.com/SomeCandidate/status/1234567890?s=20, and (youtu.be/dQw4w9WgXcQ). "
                + "شاهد الرابط https://t.me/election_news/42، ثم www.example.org/page/.";

        assertThat(ExtractUrls.from(text)).containsExactly(
                "https://x.com/somecandidate/status/1234567890",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "https://t.me/election_news/42",
                "https://www.example.org/page");
    }
}
