package io.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.testkit.CloudflareApiStandIn.Auth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stand-in answers in Cloudflare's envelope, pages, filters, and refuses what Cloudflare refuses. */
class CloudflareApiStandInTest {

    private static final String TOKEN = "cfStandInTest_token_0123456789";
    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    private static final String TUNNELS = "/accounts/" + ACCOUNT + "/cfd_tunnel";

    private final CloudflareApiStandIn api = new CloudflareApiStandIn(TOKEN, ACCOUNT);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aWrongTokenIsAnAuthenticationErrorAndNeverRecorded() throws Exception {
        HttpResponse<String> answer = send("GET", "/zones", "Bearer not-" + TOKEN, null);

        assertThat(answer.statusCode()).isEqualTo(403);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.at("/errors/0/code").asInt()).isEqualTo(CloudflareApiStandIn.AUTHENTICATION_ERROR);
        assertThat(body.at("/errors/0/message").asText()).isEqualTo("Authentication error");
        assertThat(api.calls()).singleElement().satisfies(call -> {
            assertThat(call.auth()).isEqualTo(Auth.INVALID);
            assertThat(call.toString()).doesNotContain(TOKEN);
        });
    }

    @Test
    void listsArePagedWithResultInfo() throws Exception {
        for (int i = 0; i < 7; i++) {
            api.seedZone("z" + i + ".example");
        }

        JsonNode page = json.readTree(send("GET", "/zones?page=2&per_page=5", "Bearer " + TOKEN, null).body());

        assertThat(page.path("result")).hasSize(2);
        assertThat(page.path("result_info")).isEqualTo(json.readTree(
                "{\"page\":2,\"per_page\":5,\"count\":2,\"total_count\":7,\"total_pages\":2}"));
        assertThat(send("GET", "/zones?per_page=51", "Bearer " + TOKEN, null).statusCode()).isEqualTo(400);
        JsonNode named = json.readTree(send("GET", "/zones?name=z3.example", "Bearer " + TOKEN, null).body());
        assertThat(named.path("result")).singleElement()
                .satisfies(zone -> assertThat(zone.path("name").asText()).isEqualTo("z3.example"));
    }

    @Test
    void aDeletedTunnelIsKeptAsDeletedAndHiddenByIsDeletedFalse() throws Exception {
        JsonNode created = json.readTree(send("POST", TUNNELS, "Bearer " + TOKEN,
                "{\"name\":\"web-1\",\"config_src\":\"cloudflare\"}").body()).path("result");
        String id = created.path("id").asText();

        assertThat(send("DELETE", TUNNELS + "/" + id, "Bearer " + TOKEN, null).statusCode()).isEqualTo(200);

        assertThat(json.readTree(send("GET", TUNNELS + "?is_deleted=false", "Bearer " + TOKEN, null).body())
                .path("result")).isEmpty();
        assertThat(json.readTree(send("GET", TUNNELS + "?is_deleted=true", "Bearer " + TOKEN, null).body())
                .path("result")).singleElement()
                .satisfies(t -> assertThat(t.path("deleted_at").isTextual()).isTrue());
        assertThat(send("GET", TUNNELS + "/nope", "Bearer " + TOKEN, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", TUNNELS, "Bearer " + TOKEN, "{not json").statusCode()).isEqualTo(400);
        assertThat(api.writes()).extracting(CloudflareApiStandIn.Call::method).containsExactly("POST", "DELETE",
                "POST");
    }

    @Test
    void aFailureCarriesRetryAfterAndChangesNothing() throws Exception {
        api.failNext(1, 429, 2);

        HttpResponse<String> answer = send("POST", TUNNELS, "Bearer " + TOKEN, "{\"name\":\"web-2\"}");

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).contains("2");
        assertThat(json.readTree(answer.body()).at("/errors/0/code").asInt())
                .isEqualTo(CloudflareApiStandIn.RATE_LIMITED);
        assertThat(api.tunnels()).isEmpty();
        assertThat(send("POST", TUNNELS, "Bearer " + TOKEN, "{\"name\":\"web-2\"}").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
