package io.homeport.tunnel.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.homeport.tunnel.label.OriginRequest;
import io.homeport.tunnel.label.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngressMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static DesiredRule rule(String hostname, String path, String service) {
        return new DesiredRule(hostname, path, service, null);
    }

    private static List<String> hostnamesAndPaths(JsonNode config) {
        List<String> rules = new ArrayList<>();
        config.get("ingress").forEach(rule -> rules.add(rule.path("hostname").asText("") + rule.path("path").asText("")
                + " -> " + rule.get("service").asText()));
        return rules;
    }

    @Test
    void anEmptyTunnelGetsHomeportsRulesAndTheCatchAll() {
        MergedIngress merged = IngressMerge.merge(json("{}"), List.of(rule("app.example.com", null, "http://app:80")),
                Set.of());

        assertThat(merged.config()).isEqualTo(json(
                "{'ingress':[{'hostname':'app.example.com','service':'http://app:80'},{'service':'http_status:404'}]}"));
        assertThat(merged.changed()).isTrue();
        assertThat(merged.owned()).containsExactly(new RuleKey("app.example.com", null));
    }

    @Test
    void aMissingConfigIsTreatedAsEmpty() {
        assertThat(IngressMerge.merge(null, List.of(), Set.of()).config())
                .isEqualTo(json("{'ingress':[{'service':'http_status:404'}]}"));
    }

    @Test
    void everythingHomeportDoesNotOwnIsKeptVerbatimAndInOrder() {
        JsonNode current = json("""
                {'originRequest':{'connectTimeout':30},'warp-routing':{'enabled':true},'custom':[1,2],
                 'ingress':[
                   {'hostname':'zz.example.com','service':'http://zz:80','originRequest':{'noTLSVerify':true,'caPool':'/x'}},
                   {'hostname':'old.example.com','service':'http://old:80'},
                   {'hostname':'aa.example.com','path':'/p','service':'ssh://aa:22','extra':'kept'},
                   {'service':'http_status:404'}]}""");

        MergedIngress merged = IngressMerge.merge(current, List.of(rule("new.example.com", null, "http://new:80")),
                Set.of(new RuleKey("old.example.com", null)));

        assertThat(merged.config().get("originRequest")).isEqualTo(current.get("originRequest"));
        assertThat(merged.config().get("warp-routing")).isEqualTo(current.get("warp-routing"));
        assertThat(merged.config().get("custom")).isEqualTo(current.get("custom"));
        assertThat(merged.config().get("ingress").get(0)).isEqualTo(current.get("ingress").get(0));
        assertThat(merged.config().get("ingress").get(1)).isEqualTo(current.get("ingress").get(2));
        assertThat(hostnamesAndPaths(merged.config())).containsExactly("zz.example.com -> http://zz:80",
                "aa.example.com/p -> ssh://aa:22", "new.example.com -> http://new:80", " -> http_status:404");
    }

    @Test
    void anOwnedRuleNoLongerDesiredIsRemoved() {
        JsonNode current = json("{'ingress':[{'hostname':'gone.example.com','service':'http://gone:80'},"
                + "{'service':'http_status:404'}]}");

        MergedIngress merged = IngressMerge.merge(current, List.of(), Set.of(new RuleKey("gone.example.com", "")));

        assertThat(merged.config()).isEqualTo(json("{'ingress':[{'service':'http_status:404'}]}"));
        assertThat(merged.changed()).isTrue();
        assertThat(merged.owned()).isEmpty();
    }

    @Test
    void anOwnedRuleIsReplacedByItsNewSettings() {
        JsonNode current = json("{'ingress':[{'hostname':'app.example.com','service':'http://app:80',"
                + "'originRequest':{'noTLSVerify':true}},{'service':'http_status:404'}]}");

        MergedIngress merged = IngressMerge.merge(current, List.of(rule("app.example.com", null, "http://app:8080")),
                Set.of(new RuleKey("app.example.com", null)));

        assertThat(merged.config()).isEqualTo(json(
                "{'ingress':[{'hostname':'app.example.com','service':'http://app:8080'},{'service':'http_status:404'}]}"));
        assertThat(merged.changed()).isTrue();
    }

    @Test
    void aRuleSomeoneElseWroteIsAConflictNotAnOverwrite() {
        JsonNode current = json("{'ingress':[{'hostname':'App.example.com','service':'http://theirs:80'},"
                + "{'service':'http_status:404'}]}");

        MergedIngress merged = IngressMerge.merge(current, List.of(rule("app.example.com", null, "http://ours:80")),
                Set.of());

        assertThat(merged.config()).isEqualTo(current);
        assertThat(merged.changed()).isFalse();
        assertThat(merged.owned()).isEmpty();
        assertThat(merged.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.key()).isEqualTo(new RuleKey("app.example.com", null));
            assertThat(conflict.reason()).contains("Homeport did not create");
        });
    }

    @Test
    void theSameHostnameOnAnotherPathIsNoConflict() {
        JsonNode current = json("{'ingress':[{'hostname':'app.example.com','service':'http://theirs:80'},"
                + "{'service':'http_status:404'}]}");

        MergedIngress merged = IngressMerge.merge(current, List.of(rule("app.example.com", "/api", "http://api:80")),
                Set.of());

        assertThat(merged.conflicts()).isEmpty();
        assertThat(hostnamesAndPaths(merged.config())).containsExactly("app.example.com -> http://theirs:80",
                "app.example.com/api -> http://api:80", " -> http_status:404");
    }

    @Test
    void twoRoutesWantingOneKeyDifferentlyKeepTheFirst() {
        MergedIngress merged = IngressMerge.merge(json("{}"), List.of(rule("app.example.com", null, "http://a:80"),
                rule("app.example.com", null, "http://b:80"), rule("app.example.com", null, "http://a:80")), Set.of());

        assertThat(hostnamesAndPaths(merged.config())).containsExactly("app.example.com -> http://a:80",
                " -> http_status:404");
        assertThat(merged.conflicts()).singleElement().extracting(IngressConflict::reason).asString()
                .contains("first one (service http://a:80) is kept");
    }

    @Test
    void theCatchAllStaysLastOnceWithItsOwnFields() {
        JsonNode current = json("""
                {'ingress':[{'service':'http_status:503','originRequest':{'connectTimeout':5}},
                            {'hostname':'theirs.example.com','service':'http://t:80'}]}""");

        MergedIngress merged = IngressMerge.merge(current, List.of(rule("app.example.com", null, "http://app:80")),
                Set.of());

        JsonNode ingress = merged.config().get("ingress");
        assertThat(ingress).hasSize(3);
        assertThat(ingress.get(2)).isEqualTo(current.get("ingress").get(0));
        assertThat(hostnamesAndPaths(merged.config())).filteredOn(rule -> rule.startsWith(" ->")).hasSize(1);
    }

    @Test
    void aWildcardStarHostnameIsACatchAllToo() {
        JsonNode current = json("{'ingress':[{'hostname':'*','service':'http://default:80'}]}");

        MergedIngress merged = IngressMerge.merge(current, List.of(rule("app.example.com", null, "http://app:80")),
                Set.of());

        assertThat(hostnamesAndPaths(merged.config())).containsExactly("app.example.com -> http://app:80",
                "* -> http://default:80");
    }

    @Test
    void homeportsRulesAreOrderedMostSpecificFirst() {
        List<DesiredRule> desired = List.of(
                rule("*.example.com", null, "http://wild:80"),
                rule("b.example.com", null, "http://b:80"),
                rule("*.apps.example.com", null, "http://apps:80"),
                rule("a.example.com", null, "http://a:80"),
                rule("a.example.com", "/api", "http://a-api:80"),
                rule("a.example.com", "/api/v2", "http://a-v2:80"));

        MergedIngress merged = IngressMerge.merge(json("{}"), desired, Set.of());

        assertThat(hostnamesAndPaths(merged.config())).containsExactly(
                "a.example.com/api/v2 -> http://a-v2:80",
                "a.example.com/api -> http://a-api:80",
                "a.example.com -> http://a:80",
                "b.example.com -> http://b:80",
                "*.apps.example.com -> http://apps:80",
                "*.example.com -> http://wild:80",
                " -> http_status:404");
    }

    @Test
    void mergingAgainChangesNothing() {
        JsonNode current = json("{'warp-routing':{'enabled':false},'ingress':[{'hostname':'theirs.example.com',"
                + "'service':'http://t:80'},{'service':'http_status:404','x':1}]}");
        List<DesiredRule> desired = new ArrayList<>(List.of(rule("b.example.com", "/x", "http://b:80"),
                rule("a.example.com", null, "http://a:80"),
                DesiredRule.from(new Route("c.example.com", null, "https://c:443", null,
                        new OriginRequest(true, null, null, false, false, false), null))));

        MergedIngress first = IngressMerge.merge(current, desired, Set.of());
        Collections.reverse(desired);
        MergedIngress second = IngressMerge.merge(first.config(), desired, first.owned());

        assertThat(first.changed()).isTrue();
        assertThat(second.changed()).isFalse();
        assertThat(second.config()).isEqualTo(first.config());
        assertThat(second.owned()).isEqualTo(first.owned());
    }

    @Test
    void aConfigAlreadyInShapeIsUnchanged() {
        JsonNode current = json("{'ingress':[{'hostname':'app.example.com','service':'http://app:80'},"
                + "{'service':'http_status:404'}]}");

        MergedIngress merged = IngressMerge.merge(current, List.of(rule("APP.example.com", "", "http://app:80")),
                Set.of(new RuleKey("app.example.com", null)));

        assertThat(merged.changed()).isFalse();
    }

    @Test
    void aRouteBecomesARuleWithCloudflaredsOriginRequestNames() {
        Route route = new Route("nas.example.com", null, "https://nas:5001", "/files",
                new OriginRequest(true, "nas.local", "nas.internal", true, true, true), null);

        ObjectNode rule = DesiredRule.from(route).toJson();

        assertThat(rule).isEqualTo(json("""
                {'hostname':'nas.example.com','path':'/files','service':'https://nas:5001',
                 'originRequest':{'noTLSVerify':true,'originServerName':'nas.local','httpHostHeader':'nas.internal',
                                  'http2Origin':true,'disableChunkedEncoding':true,'matchSNItoHost':true}}"""));
    }

    @Test
    void originOptionsOnANonHttpServiceAreDroppedAsDockFlareDoes() {
        Route route = new Route("db.example.com", null, "tcp://db:5432", null,
                new OriginRequest(true, null, null, false, false, false), null);

        assertThat(DesiredRule.from(route).toJson()).isEqualTo(json(
                "{'hostname':'db.example.com','service':'tcp://db:5432'}"));
    }
}
