package io.homeport.testkit;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/**
 * In a service's {@code @QuarkusTest}, {@code import static io.homeport.testkit.ServiceCalls.given;} in place of
 * REST Assured's: every request then carries a valid service token, as the gateway's calls do. A test of what
 * happens without one uses {@code RestAssured.given()} and {@link ServiceTokens} for bad tokens.
 */
public final class ServiceCalls {

    private ServiceCalls() {
    }

    public static RequestSpecification given() {
        return ServiceTokens.ofApplicationUnderTest().given();
    }

    /**
     * The check every service makes its own: a {@code GET} of {@code path} (one of its {@code /api/*} endpoints) is
     * 401 problem+json without a token, with a token signed by another key, an expired one, one for another audience
     * and one made to live too long; with a valid token it is {@code validStatus}.
     */
    public static void assertOnlyValidServiceTokensPass(String path, int validStatus) {
        ServiceTokens tokens = ServiceTokens.ofApplicationUnderTest();
        RestAssured.given().get(path).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        Map<String, String> refused = Map.of(
                "another key", ServiceTokens.signedWithAnotherKey(),
                "expired", tokens.expired(),
                "another audience", tokens.forAudience("homeport"),
                "too long-lived", tokens.longLived(),
                "not a JWT", "hpt_0123456789abcdef");
        refused.forEach((why, token) -> {
            Response response = RestAssured.given().auth().oauth2(token).get(path);
            if (response.statusCode() != 401 || !response.contentType().startsWith("application/problem+json")) {
                throw new AssertionError("a token (" + why + ") got " + response.statusCode() + " "
                        + response.contentType() + ": " + response.asString());
            }
        });
        tokens.given().get(path).then().statusCode(validStatus);
    }
}
