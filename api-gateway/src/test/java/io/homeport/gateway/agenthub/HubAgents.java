package io.homeport.gateway.agenthub;

import io.homeport.agent.protocol.Frame;
import io.homeport.agent.protocol.Frames;
import io.homeport.gateway.enrollment.EnrollmentKeyKind;
import io.homeport.gateway.enrollment.EnrollmentKeyRequest;
import io.homeport.gateway.enrollment.EnrollmentRequest;
import io.homeport.gateway.enrollment.EnrollmentService;
import io.homeport.testkit.AgentLink;
import java.net.URI;
import java.util.UUID;

/** Enrolled test agents and their connections to the hub under test (a helper, not a test class). */
final class HubAgents {

    record Agent(UUID hostId, String credential) {
    }

    private final EnrollmentService enrollment;
    private final URI hub;

    /** @param hub the hub's {@code http://} URL, as the test class's injected HTTP resource URL gives it */
    HubAgents(EnrollmentService enrollment, URI hub) {
        this.enrollment = enrollment;
        this.hub = URI.create(hub.toString().replaceFirst("^http", "ws"));
    }

    Agent enrolled() {
        UUID hostId = UUID.randomUUID();
        String key = enrollment.create(new EnrollmentKeyRequest(EnrollmentKeyKind.ONE_TIME, hostId, null, null,
                null), "test").key();
        return new Agent(hostId, enrollment.enroll(new EnrollmentRequest(key, "h-" + hostId)).credential());
    }

    /** Connects without saying hello. */
    AgentLink open(String credential) {
        return AgentLink.connect(hub, credential);
    }

    /** Connects and says hello, as an agent does. */
    AgentLink connect(Agent agent) {
        AgentLink link = open(agent.credential());
        link.send(new Frame.Hello(Frames.PROTOCOL_VERSION, "test", agent.hostId(), null, null));
        return link;
    }
}
