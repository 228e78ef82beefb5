package org.shahid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

class HealthEndpointTest {

    @TempDir
    Path state;

    @Test
    void isReadyWithTheDatabaseAndMailboxesUpAndNotReadyWhenTheMailServerIsGone() throws Exception {
        try (RunningShahid shahid = RunningShahid.start(state)) {
            int port = shahid.service().health().orElseThrow().port();

            assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
            // Camel reports a mailbox consumer down until its first poll succeeded.
            await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/health/ready").statusCode() == 200);
            HttpResponse<String> ready = get(port, "/health/ready");
            assertThat(ready.body()).contains("\"database\":\"UP\"", "\"routes\":\"UP\"", "\"outbox\":{");

            shahid.mail().stop();

            // GreenMail's handler threads complain about the sockets its stop closed; that is not under test.
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30))
                    .until(() -> get(port, "/health/ready").statusCode() == 503);
            assertThat(get(port, "/health/ready").body()).contains("DOWN");
        }
    }

    @Test
    void countsMailsAndDeliveriesWithoutNamingAnyone() throws Exception {
        try (RunningShahid shahid = RunningShahid.start(state)) {
            int port = shahid.service().health().orElseThrow().port();
            shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("Rana Ali <rana@example.org>", RunningShahid.REPORT,
                    "Misinformation", "False claims about polling hours."));
            shahid.awaitReceived("rana@example.org", 1);

            await().atMost(Duration.ofSeconds(10)).until(() -> get(port, "/metrics").body()
                    .contains("shahid_outbox_delivered_total{purpose=\"ACKNOWLEDGEMENT\",result=\"SENT\"}"));
            String metrics = get(port, "/metrics").body();
            assertThat(metrics).contains("shahid_mail_processed_total{mailbox=\"report\",outcome=\"NEW_TICKET\"}")
                    .contains("jvm_memory_used_bytes").doesNotContain("rana").doesNotContain("Rana").doesNotContain("SHD-");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
