package io.homeport.gateway.alert;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Agent reports for the crash-loop and disk-usage rules, in a consumer group of their own
 * ({@code api-gateway-alerts-agent-reports}). Records are read as bytes: heartbeats and the other records of this
 * busy topic are passed over by their type alone, without reading their data. No inbox: reports are level-triggered
 * and {@link ReportAlerts} ignores one it has seen, so one that fails is logged and passed over.
 */
@ApplicationScoped
public class AgentReportAlertsConsumer {

    private static final String REPORTED = EventTypes.AGENT_REPORTED.type();

    private final ReportAlerts alerts;

    AgentReportAlertsConsumer(ReportAlerts alerts) {
        this.alerts = alerts;
    }

    @Incoming("alerts-agent-reports")
    @Blocking
    public void onRecord(byte[] record) {
        if (!REPORTED.equals(EventCodec.typeOf(record))) {
            return;
        }
        CloudEvent event = EventCodec.read(record);
        alerts.apply(EventCodec.payload(event, EventTypes.AGENT_REPORTED), event.getId());
    }
}
