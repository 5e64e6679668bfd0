package io.homeport.events;

import java.util.List;

/** The topic catalogue of brief §3: one topic per aggregate family. */
public final class Topics {

    public static final Topic HOSTS = new Topic("homeport.hosts", false,
            "Host inventory and lifecycle: registered, provisioning, ready, lost, decommissioned.");
    public static final Topic APPS = new Topic("homeport.apps", false,
            "Application specs and their revisions.");
    public static final Topic DEPLOYMENTS = new Topic("homeport.deployments", false,
            "Rollouts: started, succeeded, failed, rolled back.");
    public static final Topic STORAGE = new Topic("homeport.storage", false,
            "Remotes, volumes, leases, backups and mount health.");
    public static final Topic TUNNELS = new Topic("homeport.tunnels", false,
            "Cloudflare tunnels, ingress routes and DNS records.");
    public static final Topic ALERTS = new Topic("homeport.alerts", false,
            "Alerts raised by the gateway's alert rules: host lost, crash loops, degraded mounts, failed backups, ...");
    public static final Topic AGENT_REPORTS = new Topic("homeport.agent.reports", false,
            "What agents report: facts, container state, metrics, command results.");
    public static final Topic AGENT_DESIRED_STATE = new Topic("homeport.agent.desired-state", true,
            "The full desired state of each host (key = host id, value = the latest snapshot).");
    public static final Topic AGENT_COMMANDS = new Topic("homeport.agent.commands", false,
            "One-shot commands for one agent.");

    public static final List<Topic> ALL = List.of(
            HOSTS, APPS, DEPLOYMENTS, STORAGE, TUNNELS, ALERTS, AGENT_REPORTS, AGENT_DESIRED_STATE, AGENT_COMMANDS);

    private Topics() {
    }
}
