package io.homeport.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.homeport.gateway.storage.StorageManagerStandIn;
import io.homeport.gateway.tunnel.TunnelManagerStandIn;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Endpoints × roles: 403 problem for a role that is not allowed, 401 without a token, else the call goes on to the
 * service behind the gateway and its answer comes back. No provisioner runs here (so its endpoints answer 503); the
 * storage-manager's and tunnel-manager's stand-ins answer their own.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(StorageManagerStandIn.class)
@QuarkusTestResource(TunnelManagerStandIn.class)
public class RoleMatrixTest {

    private static final String REMOTE = "{\"type\": \"sftp\", \"options\": {\"host\": \"nas.lan\"}}";
    private static final String WEBHOOK = "{\"url\": \"http://127.0.0.1:1/homeport\"}";
    private static final String POLICY = "{\"enabled\": true, \"intervalMinutes\": 60, \"keepLast\": 7, "
            + "\"maxAgeDays\": 30}";

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE | /api/v1/hosts/{id}                                  | viewer   | 403
            DELETE | /api/v1/hosts/{id}                                  | operator | 403
            DELETE | /api/v1/hosts/{id}                                  | admin    | 503
            POST   | /api/v1/hosts/{id}/preflight                        | viewer   | 403
            POST   | /api/v1/hosts/{id}/preflight                        | operator | 503
            POST   | /api/v1/hosts/{id}/preflight                        | admin    | 503
            POST   | /api/v1/hosts/{id}/provisioning-runs                | viewer   | 403
            POST   | /api/v1/hosts/{id}/provisioning-runs                | operator | 503
            POST   | /api/v1/hosts/{id}/provisioning-runs                | admin    | 503
            GET    | /api/v1/hosts/{id}/provisioning-runs                | viewer   | 503
            GET    | /api/v1/hosts/{id}/provisioning-runs/{id}           | viewer   | 503
            DELETE | /api/v1/hosts/{id}/provisioning-runs/{id}           | viewer   | 403
            DELETE | /api/v1/hosts/{id}/provisioning-runs/{id}           | operator | 503
            # evacuation (the deployer, not running here: 503)
            POST   | /api/v1/hosts/{id}/evacuate                         | viewer   | 403
            POST   | /api/v1/hosts/{id}/evacuate                         | operator | 503
            POST   | /api/v1/hosts/{id}/evacuate                         | admin    | 503
            DELETE | /api/v1/hosts/{id}/evacuate                         | viewer   | 403
            DELETE | /api/v1/hosts/{id}/evacuate                         | operator | 503
            DELETE | /api/v1/hosts/{id}/evacuate                         | admin    | 503
            GET    | /api/v1/hosts/{id}/moves                            | viewer   | 503
            # end of evacuation
            # replacement (the provisioner, not running here: 503)
            POST   | /api/v1/hosts/{id}/replace                          | viewer   | 403
            POST   | /api/v1/hosts/{id}/replace                          | operator | 503
            POST   | /api/v1/hosts/{id}/replace                          | admin    | 503
            GET    | /api/v1/hosts/{id}/replace                          | viewer   | 503
            GET    | /api/v1/hosts/{id}/replace/{id}                     | viewer   | 503
            # end of replacement
            GET    | /api/v1/remotes                                     | viewer   | 200
            GET    | /api/v1/remotes/nas                                 | viewer   | 200
            PUT    | /api/v1/remotes/nas                                 | viewer   | 403
            PUT    | /api/v1/remotes/nas                                 | operator | 403
            PUT    | /api/v1/remotes/nas                                 | admin    | 200
            DELETE | /api/v1/remotes/old-nas                             | viewer   | 403
            DELETE | /api/v1/remotes/old-nas                             | operator | 403
            DELETE | /api/v1/remotes/old-nas                             | admin    | 204
            GET    | /api/v1/volumes                                     | viewer   | 200
            GET    | /api/v1/volumes/notes/data                          | viewer   | 200
            PUT    | /api/v1/volumes/notes/data/backup-policy            | viewer   | 403
            PUT    | /api/v1/volumes/notes/data/backup-policy            | operator | 200
            PUT    | /api/v1/volumes/notes/data/backup-policy            | admin    | 200
            GET    | /api/v1/volumes/notes/data/backups                  | viewer   | 200
            POST   | /api/v1/volumes/notes/data/backups                  | viewer   | 403
            POST   | /api/v1/volumes/notes/data/backups                  | operator | 202
            POST   | /api/v1/volumes/notes/data/backups                  | admin    | 202
            GET    | /api/v1/volumes/notes/data/backups/{backup}         | viewer   | 200
            POST   | /api/v1/volumes/notes/data/backups/{backup}/verify  | viewer   | 403
            POST   | /api/v1/volumes/notes/data/backups/{backup}/verify  | operator | 202
            POST   | /api/v1/volumes/notes/data/backups/{backup}/restore | viewer   | 403
            POST   | /api/v1/volumes/notes/data/backups/{backup}/restore | operator | 202
            DELETE | /api/v1/volumes/notes/data/backups/{backup}         | viewer   | 403
            DELETE | /api/v1/volumes/notes/data/backups/{backup}         | operator | 403
            DELETE | /api/v1/volumes/notes/data/backups/{backup}         | admin    | 200
            GET    | /api/v1/volumes/notes/data/restores/{restore}       | viewer   | 200
            GET    | /api/v1/tunnels                                     | viewer   | 200
            GET    | /api/v1/tunnels                                     | operator | 200
            GET    | /api/v1/tunnels                                     | admin    | 200
            GET    | /api/v1/routes                                      | viewer   | 200
            GET    | /api/v1/routes                                      | operator | 200
            GET    | /api/v1/routes                                      | admin    | 200
            GET    | /api/v1/routes/app.example.com                      | viewer   | 200
            GET    | /api/v1/routes/app.example.com                      | operator | 200
            GET    | /api/v1/routes/app.example.com                      | admin    | 200
            GET    | /api/v1/routes/none.example.com                     | viewer   | 404
            POST   | /api/v1/api-tokens                                  | viewer   | 403
            POST   | /api/v1/api-tokens                                  | operator | 403
            POST   | /api/v1/api-tokens                                  | admin    | 201
            GET    | /api/v1/api-tokens                                  | viewer   | 403
            GET    | /api/v1/api-tokens                                  | operator | 403
            GET    | /api/v1/api-tokens                                  | admin    | 200
            GET    | /api/v1/api-tokens/{id}                             | viewer   | 403
            GET    | /api/v1/api-tokens/{id}                             | operator | 403
            GET    | /api/v1/api-tokens/{id}                             | admin    | 404
            DELETE | /api/v1/api-tokens/{id}                             | viewer   | 403
            DELETE | /api/v1/api-tokens/{id}                             | operator | 403
            DELETE | /api/v1/api-tokens/{id}                             | admin    | 404
            GET    | /api/v1/audit                                       | viewer   | 403
            GET    | /api/v1/audit                                       | operator | 403
            GET    | /api/v1/audit                                       | admin    | 200
            POST   | /api/v1/hosts                                       | viewer   | 403
            POST   | /api/v1/hosts                                       | operator | 503
            POST   | /api/v1/hosts                                       | admin    | 503
            POST   | /api/v1/enrollment-keys                             | viewer   | 403
            POST   | /api/v1/enrollment-keys                             | operator | 403
            POST   | /api/v1/enrollment-keys                             | admin    | 201
            GET    | /api/v1/enrollment-keys                             | viewer   | 403
            GET    | /api/v1/enrollment-keys                             | operator | 200
            DELETE | /api/v1/enrollment-keys/{id}                        | viewer   | 403
            DELETE | /api/v1/enrollment-keys/{id}                        | operator | 403
            DELETE | /api/v1/enrollment-keys/{id}                        | admin    | 404
            POST   | /api/v1/agents/enroll                               | viewer   | 401
            POST   | /api/v1/agents/enroll                               | admin    | 401
            DELETE | /api/v1/agents/{id}/credentials                     | viewer   | 403
            DELETE | /api/v1/agents/{id}/credentials                     | operator | 403
            DELETE | /api/v1/agents/{id}/credentials                     | admin    | 204
            POST   | /api/v1/apps                                        | viewer   | 403
            POST   | /api/v1/apps                                        | operator | 503
            PUT    | /api/v1/apps/web                                    | viewer   | 403
            PUT    | /api/v1/apps/web                                    | admin    | 503
            POST   | /api/v1/apps/web/rollback?to=1                      | viewer   | 403
            POST   | /api/v1/apps/web/rollback?to=1                      | operator | 503
            PUT    | /api/v1/secrets/db-password                         | viewer   | 403
            PUT    | /api/v1/secrets/db-password                         | operator | 503
            DELETE | /api/v1/secrets/db-password                         | viewer   | 403
            DELETE | /api/v1/secrets/db-password                         | admin    | 503
            POST   | /api/v1/stacks?name=shop                            | viewer   | 403
            POST   | /api/v1/stacks?name=shop                            | operator | 503
            POST   | /api/v1/stacks/preview?name=shop                    | viewer   | 503
            POST   | /api/v1/hosts/{id}/containers/web/restart           | viewer   | 403
            POST   | /api/v1/hosts/{id}/containers/web/restart           | operator | 409
            GET    | /api/v1/events                                      | viewer   | 200
            GET    | /api/v1/events                                      | operator | 200
            GET    | /api/v1/events                                      | admin    | 200
            POST   | /api/v1/webhooks                                    | viewer   | 403
            POST   | /api/v1/webhooks                                    | operator | 403
            POST   | /api/v1/webhooks                                    | admin    | 201
            GET    | /api/v1/webhooks                                    | viewer   | 403
            GET    | /api/v1/webhooks                                    | operator | 403
            GET    | /api/v1/webhooks                                    | admin    | 200
            GET    | /api/v1/webhooks/{id}                               | operator | 403
            GET    | /api/v1/webhooks/{id}                               | admin    | 404
            DELETE | /api/v1/webhooks/{id}                               | operator | 403
            DELETE | /api/v1/webhooks/{id}                               | admin    | 404
            GET    | /api/v1/webhooks/{id}/deliveries                    | operator | 403
            GET    | /api/v1/webhooks/{id}/deliveries                    | admin    | 404
            POST   | /api/v1/webhooks/{id}/deliveries/{id}/retry         | operator | 403
            POST   | /api/v1/webhooks/{id}/deliveries/{id}/retry         | admin    | 404
            """)
    void endpointsAnswerByRole(String method, String path, String role, int status) {
        String url = concrete(path);
        var answer = request(url).auth().oauth2(token("user-" + role, role)).request(method, url).then()
                .statusCode(status);
        if (status >= 400) {
            answer.contentType("application/problem+json");
        }
        request(url).request(method, url).then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    /** A request with the body the endpoint takes, if it takes one. */
    public static RequestSpecification request(String url) {
        RequestSpecification request = given();
        // --- bodies of the endpoints added with issue 8's API tokens and audit (and the older ones it audits) ---
        if (url.equals("/api/v1/api-tokens")) {
            return request.contentType("application/json").body("{\"name\": \"matrix-" + UUID.randomUUID()
                    + "\", \"role\": \"viewer\"}");
        }
        if (url.equals("/api/v1/hosts") || url.startsWith("/api/v1/hosts/") && url.endsWith("/replace")) {
            return request.contentType("application/json").body("{\"address\": \"192.0.2.10\"}");
        }
        if (url.equals("/api/v1/enrollment-keys")) {
            return request.contentType("application/json").body("{\"kind\": \"REUSABLE\"}");
        }
        if (url.equals("/api/v1/agents/enroll")) {
            return request.contentType("application/json")
                    .body("{\"enrollmentKey\": \"hpe_not-a-key\", \"hostname\": \"matrix\"}");
        }
        if (url.equals("/api/v1/apps") || url.equals("/api/v1/apps/web")) {
            return request.contentType("application/json").body("{\"name\": \"web\", \"image\": \"nginx:1.27\"}");
        }
        if (url.startsWith("/api/v1/secrets/")) {
            return request.contentType("application/json").body("{\"value\": \"s3cret\"}");
        }
        if (url.startsWith("/api/v1/stacks")) {
            return request.contentType("application/yaml")
                    .body("services:\n  web: {image: nginx:1.27}\n".getBytes(StandardCharsets.UTF_8));
        }
        // --- end of issue 8's bodies ---
        if (url.startsWith("/api/v1/remotes/")) {
            return request.contentType("application/json").body(REMOTE);
        }
        if (url.endsWith("/backup-policy")) {
            return request.contentType("application/json").body(POLICY);
        }
        if (url.equals("/api/v1/webhooks")) {
            return request.contentType("application/json").body(WEBHOOK);
        }
        if (url.endsWith("/restore")) {
            return request.contentType("application/json").body("{}");
        }
        return request;
    }

    private static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }

    // --- issue 8: the rows are the catalogue of endpoints the audit trail test performs (AuditTrailTest) ---

    /** Every row of {@link #endpointsAnswerByRole}: method, path (with placeholders), role, status. */
    public static List<String[]> rows() {
        try {
            CsvSource rows = RoleMatrixTest.class.getDeclaredMethod("endpointsAnswerByRole", String.class,
                    String.class, String.class, int.class).getAnnotation(CsvSource.class);
            return rows.textBlock().lines().filter(line -> !line.isBlank())
                    .map(line -> Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new))
                    .toList();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("RoleMatrixTest.endpointsAnswerByRole was renamed", e);
        }
    }

    /** A row's path made concrete: placeholders filled as {@link #endpointsAnswerByRole} fills them. */
    public static String concrete(String path) {
        return path.replace("{id}", UUID.randomUUID().toString())
                .replace("{backup}", StorageManagerStandIn.BACKUP.toString())
                .replace("{restore}", StorageManagerStandIn.RESTORE.toString());
    }
}
