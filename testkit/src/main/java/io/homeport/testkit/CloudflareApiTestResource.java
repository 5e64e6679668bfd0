package io.homeport.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A {@link CloudflareApiStandIn} that accepts {@link #API_TOKEN} for account {@link #ACCOUNT_ID}; points the
 * tunnel-manager at it. Tests that look at what it received or holds declare a {@link CloudflareApiStandIn} field
 * annotated {@link InjectCloudflareApi}.
 */
public class CloudflareApiTestResource implements QuarkusTestResourceLifecycleManager {

    /** Made up for tests; shaped like a real API token (40 characters). */
    public static final String API_TOKEN = "cfTestOnly_notARealToken_0123456789abcdef";
    public static final String ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

    private CloudflareApiStandIn api;

    @Override
    public Map<String, String> start() {
        api = new CloudflareApiStandIn(API_TOKEN, ACCOUNT_ID);
        return Map.of(
                "homeport.tunnel.cloudflare-api-url", api.url().toString(),
                "homeport.tunnel.cloudflare-api-token", API_TOKEN,
                "homeport.tunnel.cloudflare-account-id", ACCOUNT_ID);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(api,
                new TestInjector.AnnotatedAndMatchesType(InjectCloudflareApi.class, CloudflareApiStandIn.class));
    }

    @Override
    public void stop() {
        if (api != null) {
            api.close();
        }
    }
}
