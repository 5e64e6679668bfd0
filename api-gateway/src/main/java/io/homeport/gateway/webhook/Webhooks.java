package io.homeport.gateway.webhook;

import io.homeport.api.webhooks.WebhookRequest;
import io.homeport.api.webhooks.WebhookView;
import io.homeport.events.EventTypes;
import io.homeport.gateway.event.EventFilter;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.platform.secret.SecretTokens;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Webhook subscriptions. The URL is checked (http or https, a host, no credentials in it), the filters read as the
 * event log reads them, and the secret, given or generated, is encrypted at once; only a generated one is shown, in
 * the creation's answer. A chat format (slack, discord, ntfy) carries alerts only, so its type filters must match
 * {@code io.homeport.alert.raised.v1}.
 */
@ApplicationScoped
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class);
    static final String SECRET_PREFIX = "hpw_";

    private final WebhookSecrets secrets;

    Webhooks(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    @Transactional
    public WebhookView create(WebhookRequest request, String createdBy) {
        URI url = url(request.url());
        WebhookFormat format = WebhookFormat.of(request.format());
        EventFilter filter = filter(request.types(), request.subjects());
        if (format != WebhookFormat.CLOUDEVENTS && !filter.matchesType(EventTypes.ALERT_RAISED.type())) {
            throw new ProblemException(Problem.invalidField("types", "must match " + EventTypes.ALERT_RAISED.type()
                    + " (or be empty): a " + format.apiName() + " webhook carries alerts only"));
        }
        String generated = request.secret() == null ? SecretTokens.generate(SECRET_PREFIX) : null;
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.url = url.toString();
        webhook.types = filter.types();
        webhook.subjects = filter.subjects();
        webhook.format = format;
        webhook.secret = secrets.encrypt(webhook.id, generated != null ? generated : request.secret());
        webhook.createdBy = createdBy;
        webhook.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        webhook.persist();
        LOG.infof("Webhook %s (%s, types %s) created by %s", webhook.id, format.apiName(), webhook.types, createdBy);
        return view(webhook, generated);
    }

    @Transactional
    public List<WebhookView> list() {
        return Webhook.<Webhook>findAll(Sort.descending("createdAt")).list().stream().map(w -> view(w, null)).toList();
    }

    @Transactional
    public WebhookView get(UUID id) {
        return view(existing(id), null);
    }

    /** Deletes it and its delivery log. */
    @Transactional
    public void delete(UUID id) {
        existing(id).delete();
        LOG.infof("Webhook %s deleted", id);
    }

    static Webhook existing(UUID id) {
        return Webhook.<Webhook>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No webhook with id " + id));
    }

    static EventFilter filter(List<String> types, List<String> subjects) {
        return EventFilter.of(types, subjects, "types", "subjects");
    }

    private static URI url(String text) {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw invalidUrl("must be an absolute http or https URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalidUrl("must be an http or https URL, not " + (scheme.isEmpty() ? "a relative one" : scheme));
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw invalidUrl("must name a host");
        }
        if (url.getRawUserInfo() != null) {
            throw invalidUrl("must not carry credentials (user:password@); put a token in the path or query, as "
                    + "Slack, Discord and ntfy do");
        }
        return url;
    }

    private static ProblemException invalidUrl(String message) {
        return new ProblemException(Problem.invalidField("url", message));
    }

    private static WebhookView view(Webhook webhook, String secret) {
        return new WebhookView(webhook.id, webhook.url, webhook.types, webhook.subjects, webhook.format.apiName(),
                secret, webhook.createdBy, webhook.createdAt);
    }
}
