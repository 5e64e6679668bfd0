package io.homeport.tunnel.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exposure labels, with DockFlare's documented examples (Container-Labels.md, Using-*.md) as fixtures. */
class ExposureLabelsTest {

    private static ParsedExposure parse(Map<String, String> labels) {
        return ExposureLabels.parse(labels, LabelPrefixes.defaults());
    }

    private static Route onlyRoute(Map<String, String> labels) {
        ParsedExposure parsed = parse(labels);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.routes()).hasSize(1);
        return parsed.routes().get(0);
    }

    @Test
    void theBasicDockFlareExampleExposesOneHostname() {
        Route route = onlyRoute(Map.of(
                "dockflare.enable", "true",
                "dockflare.hostname", "MyService.Example.com",
                "dockflare.service", "http://my-app-container:8080"));

        assertThat(route).isEqualTo(new Route("myservice.example.com", null, "http://my-app-container:8080", null,
                OriginRequest.NONE, null));
    }

    @Test
    void aContainerIsExposedOnlyWhenEnableIsTrue() {
        Map<String, String> rest = Map.of("dockflare.hostname", "a.example.com", "dockflare.service", "http://a:80");

        assertThat(parse(rest)).isEqualTo(ParsedExposure.notExposed());
        for (String off : List.of("false", "FALSE", "0", "no")) {
            assertThat(parse(with(rest, "dockflare.enable", off))).as(off).isEqualTo(ParsedExposure.notExposed());
        }
        for (String on : List.of("true", "TRUE", "True", "1", "t", "yes")) {
            assertThat(parse(with(rest, "dockflare.enable", on)).routes()).as(on).hasSize(1);
        }
    }

    @Test
    void aMisspelledEnableIsReportedInsteadOfSilentlyIgnored() {
        ParsedExposure parsed = parse(Map.of("dockflare.enable", "ture", "dockflare.hostname", "a.example.com",
                "dockflare.service", "http://a:80"));

        assertThat(parsed.routes()).isEmpty();
        assertThat(parsed.problems()).containsExactly(
                new LabelProblem("dockflare.enable", "'ture' is not a boolean; use true or false"));
    }

    @Test
    void enabledWithoutAnyHostnameSaysWhichLabelToAdd() {
        ParsedExposure parsed = parse(Map.of("dockflare.enable", "true", "dockflare.service", "http://a:80"));

        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.label()).isEqualTo("dockflare.hostname");
            assertThat(problem.message()).contains("no hostname is set").contains("dockflare.0.hostname");
        });
    }

    @Test
    void aHostnameWithoutServiceNamesTheMissingServiceLabel() {
        ParsedExposure parsed = parse(Map.of("dockflare.enable", "true", "dockflare.hostname", "a.example.com"));

        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.label()).isEqualTo("dockflare.service");
            assertThat(problem.message()).contains("a.example.com needs a service");
        });
    }

    @Test
    void indexedLabelsFallBackToTheBaseLabels() {
        // Using-Multiple-Domains-Indexed-Labels.md: a web UI and an API on one container
        ParsedExposure parsed = parse(Map.of(
                "dockflare.enable", "true",
                "dockflare.service", "http://my-app:80",
                "dockflare.0.hostname", "app.example.com",
                "dockflare.1.hostname", "api.example.com",
                "dockflare.1.service", "http://my-app:3000",
                "dockflare.1.access.group", "api-users-policy"));

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.routes()).extracting(Route::hostname, Route::service)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app.example.com", "http://my-app:80"),
                        org.assertj.core.groups.Tuple.tuple("api.example.com", "http://my-app:3000"));
        assertThat(parsed.routes().get(0).access()).as("rule 0 stays public").isNull();
        assertThat(parsed.routes().get(1).access().groups()).containsExactly("api-users-policy");
    }

    @Test
    void baseAndIndexedHostnamesAreBothRoutedAndShareBaseSettings() {
        ParsedExposure parsed = parse(Map.of(
                "dockflare.enable", "true",
                "dockflare.hostname", "www.example.com",
                "dockflare.service", "https://web:443",
                "dockflare.no_tls_verify", "true",
                "dockflare.zonename", "Example.com",
                "dockflare.path", "static",
                "dockflare.0.hostname", "shop.example.org",
                "dockflare.0.zonename", "example.org"));

        assertThat(parsed.problems()).isEmpty();
        Route base = parsed.routes().get(0);
        Route indexed = parsed.routes().get(1);
        assertThat(base.zoneName()).isEqualTo("example.com");
        assertThat(indexed.hostname()).isEqualTo("shop.example.org");
        assertThat(indexed.zoneName()).isEqualTo("example.org");
        assertThat(indexed.path()).isEqualTo("/static");
        assertThat(indexed.service()).isEqualTo("https://web:443");
        assertThat(indexed.originRequest().noTLSVerify()).isTrue();
    }

    @Test
    void anIndexWithoutHostnameIsReported() {
        ParsedExposure parsed = parse(Map.of(
                "dockflare.enable", "true",
                "dockflare.0.hostname", "a.example.com",
                "dockflare.0.service", "http://a:80",
                "dockflare.1.service", "http://a:81"));

        assertThat(parsed.routes()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.label()).isEqualTo("dockflare.1.service");
            assertThat(problem.message()).contains("dockflare.1.hostname is missing");
        });
    }

    @Test
    void anIndexAfterAGapIsStillRouted() {
        ParsedExposure parsed = parse(Map.of(
                "dockflare.enable", "true",
                "dockflare.service", "http://a:80",
                "dockflare.0.hostname", "a.example.com",
                "dockflare.2.hostname", "c.example.com"));

        assertThat(parsed.routes()).extracting(Route::hostname).containsExactly("a.example.com", "c.example.com");
    }

    @Test
    void oneBadRouteRejectsTheWholeContainer() {
        ParsedExposure parsed = parse(Map.of(
                "dockflare.enable", "true",
                "dockflare.0.hostname", "good.example.com",
                "dockflare.0.service", "http://a:80",
                "dockflare.1.hostname", "bad_name.example.com",
                "dockflare.1.service", "http://a:81"));

        assertThat(parsed.routes()).isEmpty();
        assertThat(parsed.problems()).extracting(LabelProblem::label).containsExactly("dockflare.1.hostname");
    }

    @Test
    void everyOffendingLabelIsNamed() {
        ParsedExposure parsed = parse(Map.of(
                "dockflare.enable", "true",
                "dockflare.hostname", "-bad.example.com",
                "dockflare.service", "ftp://files:21",
                "dockflare.path", "(unclosed",
                "dockflare.no_tls_verify", "maybe",
                "dockflare.access.policy", "authenticate",
                "dockflare.access.session_duration", "1 day",
                "dockflare.access.custom_rules", "[{\"email\":"));

        assertThat(parsed.problems()).extracting(LabelProblem::label).containsExactlyInAnyOrder(
                "dockflare.hostname", "dockflare.service", "dockflare.path", "dockflare.no_tls_verify",
                "dockflare.access.session_duration", "dockflare.access.custom_rules");
    }

    @Test
    void hostnamesFollowDnsRulesAndAreLowerCased() {
        for (String good : List.of("a.example.com", "A-1.Example.COM", "xn--bcher-kva.example", "*.plex.example.com",
                "  padded.example.com ")) {
            assertThat(problemsFor("dockflare.hostname", good)).as(good).isEmpty();
        }
        for (String bad : List.of("localhost", "under_score.example.com", "-dash.example.com", "dash-.example.com",
                "a..example.com", "a.*.example.com", "*example.com", "a.example.com.", "ä.example.com",
                "a".repeat(64) + ".example.com")) {
            assertThat(problemsFor("dockflare.hostname", bad)).as(bad).extracting(LabelProblem::label)
                    .containsExactly("dockflare.hostname");
        }
    }

    @Test
    void servicesFollowCloudflaredIngress() {
        for (String good : List.of("http://app:80", "http://app", "https://10.0.0.5:8443", "http://my_app:3000",
                "https://[::1]:443", "tcp://db:5432", "ssh://host:22", "rdp://win:3389", "smb://nas:445",
                "unix:/run/app.sock", "unix+tls:/run/app.sock", "http_status:404", "hello_world", "bastion")) {
            assertThat(problemsFor("dockflare.service", good)).as(good).isEmpty();
        }
        for (String bad : List.of("app:80", "ftp://files:21", "HTTP://app:80", "http://app:80/api", "http://app:80/",
                "tcp://db", "ssh://host", "http://app:0", "http://app:70000", "http_status:700", "http_status:40",
                "unix:relative.sock", "http://a b:80")) {
            assertThat(problemsFor("dockflare.service", bad)).as(bad).extracting(LabelProblem::label)
                    .containsExactly("dockflare.service");
        }
    }

    @Test
    void aServiceWithAPathExplainsThatTheRequestPathIsKept() {
        assertThat(problemsFor("dockflare.service", "http://app:8080/health")).singleElement()
                .extracting(LabelProblem::message).asString()
                .contains("forwards each request's own path").contains("http://app:8080");
    }

    @Test
    void pathsAreNormalisedLikeDockFlare() {
        assertThat(routeWith("dockflare.path", "api").path()).isEqualTo("/api");
        assertThat(routeWith("dockflare.path", "/api/").path()).isEqualTo("/api");
        assertThat(routeWith("dockflare.path", "/").path()).isEqualTo("/");
        assertThat(routeWith("dockflare.path", "  ").path()).isNull();
        assertThat(routeWith("dockflare.path", "^/api/v[0-9]+").path()).as("an anchored regex is kept")
                .isEqualTo("^/api/v[0-9]+");
        assertThat(routeWith("dockflare.path", "/*.(jpg|png|css|js)").path()).isEqualTo("/*.(jpg|png|css|js)");
    }

    @Test
    void pathsMustBeRegularExpressionsCloudflaredCompiles() {
        for (String bad : List.of("/api(", "/a[", "/(?=x)", "/(?!x)", "/(?<=a)b", "/(a)\\1", "/(?>a)", "/a++")) {
            assertThat(problemsFor("dockflare.path", bad)).as(bad).extracting(LabelProblem::label)
                    .containsExactly("dockflare.path");
        }
        for (String good : List.of("/a\\+\\+", "/[(?=]", "/\\(?=x", "/a+?", "/\\d{2}")) {
            assertThat(problemsFor("dockflare.path", good)).as(good).isEmpty();
        }
    }

    @Test
    void originOptionsBecomeTheRoutesOriginRequest() {
        Route route = onlyRoute(Map.of(
                "dockflare.enable", "true",
                "dockflare.hostname", "nas.example.com",
                "dockflare.service", "https://nas:5001",
                "dockflare.no_tls_verify", "true",
                "dockflare.originsrvname", " internal.service.local ",
                "dockflare.httpHostHeader", "custom-host.internal",
                "dockflare.http2_origin", "yes",
                "dockflare.disable_chunked_encoding", "1",
                "dockflare.match_sni_to_host", "t"));

        assertThat(route.originRequest()).isEqualTo(new OriginRequest(true, "internal.service.local",
                "custom-host.internal", true, true, true));
    }

    @Test
    void aBadFlagIsAProblem() {
        assertThat(problemsFor("dockflare.no_tls_verify", "maybe")).singleElement()
                .isEqualTo(new LabelProblem("dockflare.no_tls_verify", "'maybe' is not a boolean; use true or false"));
    }

    @Test
    void accessLabelsDescribeTheAccessApplication() {
        Route route = onlyRoute(Map.of(
                "dockflare.enable", "true",
                "dockflare.hostname", "app.example.com",
                "dockflare.service", "http://app:80",
                "dockflare.access.policy", "Authenticate",
                "dockflare.access.name", "My Web App Access",
                "dockflare.access.session_duration", "1h30m",
                "dockflare.access.app_launcher_visible", "true",
                "dockflare.access.allowed_idps", "uuid1, uuid2",
                "dockflare.access.auto_redirect_to_identity", "true"));

        assertThat(route.access()).isEqualTo(new Access(AccessPolicy.AUTHENTICATE, List.of(), "My Web App Access",
                "1h30m", true, List.of("uuid1", "uuid2"), true, null));
    }

    @Test
    void theSessionDurationDefaultsTo24Hours() {
        assertThat(routeWith("dockflare.access.policy", "bypass").access())
                .isEqualTo(new Access(AccessPolicy.BYPASS, List.of(), null, "24h", false, List.of(), false, null));
    }

    @Test
    void accessLabelsAloneWithoutPolicyGroupsOrRulesKeepTheServicePublic() {
        assertThat(routeWith("dockflare.access.session_duration", "30m").access()).isNull();
    }

    @Test
    void sessionDurationsAreGoDurations() {
        for (String good : List.of("24h", "30m", "1h30m", "300ms", "1.5h")) {
            assertThat(problemsFor("dockflare.access.session_duration", good, "dockflare.access.policy",
                    "authenticate")).as(good).isEmpty();
        }
        for (String bad : List.of("1 day", "24", "h", "1d", "-1h")) {
            assertThat(problemsFor("dockflare.access.session_duration", bad, "dockflare.access.policy",
                    "authenticate")).as(bad).extracting(LabelProblem::label)
                    .containsExactly("dockflare.access.session_duration");
        }
    }

    @Test
    void anUnknownPolicyListsTheKnownOnes() {
        assertThat(problemsFor("dockflare.access.policy", "allow")).singleElement()
                .extracting(LabelProblem::message).asString().contains("bypass, authenticate, default_tld");
    }

    @Test
    void customRulesAreParsedJsonAsDockFlareDocumentsThem() {
        // the value as Container-Labels.md prints it, single quotes included
        Access access = routeWith("dockflare.access.custom_rules",
                "'[{\"email\":{\"email\":\"user@example.com\"},\"action\":\"allow\"}]'").access();

        assertThat(access.policy()).isNull();
        assertThat(access.customRules().get(0).at("/email/email").asText()).isEqualTo("user@example.com");
    }

    @Test
    void customRulesMustBeAJsonArray() {
        assertThat(problemsFor("dockflare.access.custom_rules", "{\"email\":{}}")).singleElement()
                .extracting(LabelProblem::message).asString().contains("JSON array");
        assertThat(problemsFor("dockflare.access.custom_rules", "[{")).singleElement()
                .extracting(LabelProblem::message).asString().startsWith("custom rules are not valid JSON");
    }

    @Test
    void accessGroupsWinOverEveryOtherAccessLabel() {
        Route route = onlyRoute(Map.of(
                "dockflare.enable", "true",
                "dockflare.hostname", "app.example.com",
                "dockflare.service", "http://app:80",
                "dockflare.access.groups", "allow-team-a, allow-admins",
                "dockflare.access.group", "ignored",
                "dockflare.access.policy", "authenticate",
                "dockflare.access.name", "ignored too"));

        assertThat(route.access()).isEqualTo(new Access(null, List.of("allow-team-a", "allow-admins"), null, null,
                false, List.of(), false, null));
    }

    @Test
    void anIndexedGroupReplacesTheBaseGroupsAndOtherwiseInheritsThem() {
        ParsedExposure parsed = parse(Map.of(
                "dockflare.enable", "true",
                "dockflare.service", "http://app:80",
                "dockflare.access.groups", "team-a,team-b",
                "dockflare.0.hostname", "a.example.com",
                "dockflare.1.hostname", "b.example.com",
                "dockflare.1.access.group", "admins"));

        assertThat(parsed.routes()).extracting(route -> route.access().groups())
                .containsExactly(List.of("team-a", "team-b"), List.of("admins"));
    }

    @Test
    void theSameHostnameAndPathTwiceIsReported() {
        ParsedExposure parsed = parse(Map.of(
                "dockflare.enable", "true",
                "dockflare.service", "http://app:80",
                "dockflare.0.hostname", "app.example.com",
                "dockflare.1.hostname", "APP.example.com"));

        assertThat(parsed.routes()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.label()).isEqualTo("dockflare.1.hostname");
            assertThat(problem.message()).contains("already routed by dockflare.0.hostname");
        });
    }

    @Test
    void theSameHostnameOnTwoPathsIsTwoRoutes() {
        ParsedExposure parsed = parse(Map.of(
                "dockflare.enable", "true",
                "dockflare.hostname", "app.example.com",
                "dockflare.service", "http://web:80",
                "dockflare.0.hostname", "app.example.com",
                "dockflare.0.path", "/api",
                "dockflare.0.service", "http://api:3000"));

        assertThat(parsed.routes()).extracting(Route::path).containsExactly(null, "/api");
    }

    @Test
    void theLegacyPrefixStillWorks() {
        Route route = onlyRoute(Map.of(
                "cloudflare.tunnel.enable", "true",
                "cloudflare.tunnel.hostname", "old.example.com",
                "cloudflare.tunnel.service", "http://old:80"));

        assertThat(route.hostname()).isEqualTo("old.example.com");
    }

    @Test
    void homeportsOwnPrefixWorksTheSameWay() {
        ParsedExposure parsed = parse(Map.of(
                "homeport.expose.enable", "true",
                "homeport.expose.0.hostname", "a.example.com",
                "homeport.expose.0.service", "http://a:80"));

        assertThat(parsed.routes()).extracting(Route::hostname).containsExactly("a.example.com");
    }

    @Test
    void homeportsPrefixWinsLabelByLabel() {
        Map<String, String> dockflare = Map.of(
                "dockflare.enable", "true",
                "dockflare.hostname", "app.example.com",
                "dockflare.service", "http://app:80");

        assertThat(parse(with(dockflare, "homeport.expose.enable", "false")))
                .as("Homeport can switch a DockFlare container off").isEqualTo(ParsedExposure.notExposed());
        assertThat(onlyRoute(with(dockflare, "homeport.expose.service", "http://app:8080")).service())
                .as("and override one field while the others come from dockflare.*").isEqualTo("http://app:8080");
        assertThat(onlyRoute(with(dockflare, "cloudflare.tunnel.service", "http://legacy:80")).service())
                .as("dockflare. outranks the legacy prefix").isEqualTo("http://app:80");
    }

    @Test
    void aConfiguredPrefixOutranksDockFlaresAndIsNamedInProblems() {
        LabelPrefixes prefixes = LabelPrefixes.configured("myorg");
        ParsedExposure parsed = ExposureLabels.parse(Map.of(
                "myorg.enable", "true",
                "myorg.hostname", "a.example.com",
                "dockflare.hostname", "b.example.com"), prefixes);

        assertThat(prefixes.inPrecedence())
                .containsExactly("homeport.expose.", "myorg.", "dockflare.", "cloudflare.tunnel.");
        assertThat(parsed.problems()).extracting(LabelProblem::label).containsExactly("myorg.service");
    }

    @Test
    void theDefaultPrefixesAreListedOnce() {
        assertThat(LabelPrefixes.defaults().inPrecedence())
                .containsExactly("homeport.expose.", "dockflare.", "cloudflare.tunnel.");
    }

    private static Route routeWith(String label, String value) {
        return onlyRoute(with(Map.of("dockflare.enable", "true", "dockflare.hostname", "app.example.com",
                "dockflare.service", "http://app:80"), label, value));
    }

    private static List<LabelProblem> problemsFor(String label, String value, String... more) {
        Map<String, String> labels = with(Map.of("dockflare.enable", "true", "dockflare.hostname", "app.example.com",
                "dockflare.service", "http://app:80"), label, value);
        for (int i = 0; i < more.length; i += 2) {
            labels = with(labels, more[i], more[i + 1]);
        }
        ParsedExposure parsed = parse(labels);
        if (!parsed.problems().isEmpty()) {
            assertThat(parsed.routes()).isEmpty();
        }
        return parsed.problems();
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        var copy = new java.util.HashMap<>(labels);
        copy.put(key, value);
        return copy;
    }
}
