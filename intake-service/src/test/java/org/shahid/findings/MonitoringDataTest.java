package org.shahid.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.kernel.ConfigurationException;
import org.shahid.language.Language;
import org.shahid.reload.WatchedFile;

/** The repository's monitoring/ files load and cross-check; broken ones stop the start with every problem named. */
class MonitoringDataTest {

    private static final Path DECLARATION = Path.of("monitoring/declaration.yaml");
    private static final Declaration SHIPPED = Declaration.load(DECLARATION);

    private static Path fixture(String name) {
        try {
            return Path.of(MonitoringDataTest.class.getResource("/monitoring/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDeclarationCoversEveryActorGroupInEveryLanguage() {
        assertThat(SHIPPED.groups()).extracting(ActorGroup::id).containsExactly("candidates", "platforms",
                "civil-society", "media", "cmc-ministry", "ihec", "individuals");
        assertThat(SHIPPED.group("individuals").orElseThrow().namedInFindings()).isFalse();
        assertThat(SHIPPED.group("candidates").orElseThrow().namedInFindings()).isTrue();
        for (ActorGroup group : SHIPPED.groups()) {
            for (Language language : Language.values()) {
                assertThat(group.name().in(language)).isNotBlank();
                group.commitments().forEach(commitment -> assertThat(commitment.text().in(language)).isNotBlank());
            }
        }
        assertThat(SHIPPED.groupOf("platforms-act-on-trusted-partners")).map(ActorGroup::id).contains("platforms");
    }

    @Test
    void aCommitmentWithoutAllLanguagesOrListedTwiceIsRefused() {
        assertThatThrownBy(() -> Declaration.load(fixture("declaration-missing-kurdish.yaml")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("groups[0].commitments[0].text.inEveryLanguage: needs a non-empty text")
                .hasMessageContaining("media-no-hate-speech is listed twice");
    }

    @Test
    void anEditedRegisterIsAdoptedWhileRunningAndABrokenOneRefused(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("actors.yaml");
        Files.copy(Path.of("monitoring/actors.yaml"), file);
        ActorRegister running = ActorRegister.load(file, SHIPPED);
        WatchedFile<ActorRegister> watched = WatchedFile.of("actor register", file,
                path -> ActorRegister.load(path, SHIPPED), running::adopt);
        Files.writeString(file, Files.readString(file) + """
                  - id: sample-new-channel
                    group: media
                    name: Sample New Channel
                    accounts: [https://www.youtube.com/@samplenewchannel]
                """);
        assertThat(watched.reloadIfChanged()).isEqualTo(WatchedFile.Outcome.ADOPTED);
        assertThat(running.find("sample-new-channel")).map(Actor::group).contains("media");

        Files.writeString(file, Files.readString(file).replace("group: media\n    name: Sample New Channel",
                "group: no-such-group\n    name: Sample New Channel"));
        assertThat(watched.reloadIfChanged()).isEqualTo(WatchedFile.Outcome.REFUSED);
        assertThat(running.find("sample-new-channel")).map(Actor::group).contains("media");
    }

    @Test
    void theRegisterSuggestsTheActorOwningAReportedUrl() {
        ActorRegister actors = ActorRegister.load(Path.of("monitoring/actors.yaml"), SHIPPED);
        assertThat(actors.suggestFor(List.of("https://example.org/news",
                "https://m.facebook.com/Sample.Unity.Party/posts/123?ref=share"))).map(Actor::id)
                .contains("sample-unity-party");
        assertThat(actors.suggestFor(List.of("https://www.facebook.com/sample.unity.party.fans/posts/1")))
                .isEmpty();
        assertThat(actors.suggestFor(List.of("https://www.tiktok.com/@samplecandidatebasra/video/77"))).map(Actor::id)
                .contains("sample-candidate-basra");
    }

    @Test
    void anActorOfAnUnknownGroupOrWithAMalformedAccountIsRefused() {
        assertThatThrownBy(() -> ActorRegister.load(fixture("actors-unknown-group.yaml"), SHIPPED))
                .hasMessageContaining("actors[0].group: parties is not a group of the declaration")
                .hasMessageContaining("actors[1].id: must be lower-case words joined by '-'")
                .hasMessageContaining("actors[1].accounts[0].<list element>: must be an http(s) URL");
    }

    @Test
    void platformsKnowTheirPagesAndNeedAnAddress() {
        Platforms platforms = Platforms.load(Path.of("monitoring/platforms.yaml"));
        assertThat(platforms.hosting("https://web.facebook.com/x/posts/1")).map(Platform::id).contains("meta");
        assertThat(platforms.hosting("https://youtu.be/abc")).map(Platform::id).contains("youtube");
        assertThat(platforms.hosting("https://notfacebook.com/x")).isEmpty();
        assertThatThrownBy(() -> Platforms.load(fixture("platforms-bad-address.yaml")))
                .hasMessageContaining("platforms[0].trustedPartnerAddress: must be a well-formed email address");
    }
}
