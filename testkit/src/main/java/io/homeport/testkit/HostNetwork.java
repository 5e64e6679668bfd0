package io.homeport.testkit;

import java.time.Duration;

/**
 * The private link of one test host: a network namespace {@code homeport-thN} and a veth pair, this machine's end
 * {@code hp-thN} at 10.251.N.1 and the host's {@code eth0} at 10.251.N.2 with its default route back through .1.
 * Nothing is routed beyond the pair: the host reaches this machine, and this machine the host, nothing else.
 */
final class HostNetwork {

    private static final Duration IP_TIMEOUT = Duration.ofSeconds(15);

    private final int subnet;

    HostNetwork(int subnet) {
        this.subnet = subnet;
    }

    /** Whether no address or route of this machine already uses 10.251.N.0/24 (another team's test hosts). */
    static boolean unused(int subnet) {
        String prefix = "10.251." + subnet + ".";
        String addresses = LocalCommand.run(IP_TIMEOUT, "ip", "-o", "-4", "addr", "show").orThrow().stdout();
        String routes = LocalCommand.run(IP_TIMEOUT, "ip", "-4", "route", "show", "table", "all").orThrow().stdout();
        return !addresses.contains(" " + prefix) && !routes.contains(prefix);
    }

    String namespace() {
        return "homeport-th" + subnet;
    }

    String namespacePath() {
        return "/run/netns/" + namespace();
    }

    String address() {
        return "10.251." + subnet + ".2";
    }

    String gatewayAddress() {
        return "10.251." + subnet + ".1";
    }

    /** Creates the namespace and the link; fails if the namespace exists (someone else holds this subnet). */
    void create() {
        String ns = namespace();
        String hostSide = hostSideLink();
        ip("netns", "add", ns);
        ip("link", "add", hostSide, "type", "veth", "peer", "name", "eth0", "netns", ns);
        ip("addr", "add", gatewayAddress() + "/24", "dev", hostSide);
        ip("link", "set", hostSide, "up");
        ip("-n", ns, "link", "set", "lo", "up");
        ip("-n", ns, "addr", "add", address() + "/24", "dev", "eth0");
        ip("-n", ns, "link", "set", "eth0", "up");
        ip("-n", ns, "route", "add", "default", "via", gatewayAddress());
    }

    /** Removes the link and the namespace, whichever of them exists. */
    void delete() {
        LocalCommand.run(IP_TIMEOUT, "ip", "link", "del", hostSideLink());
        LocalCommand.run(IP_TIMEOUT, "ip", "netns", "del", namespace());
    }

    String hostSideLink() {
        return "hp-th" + subnet; // interface names have at most 15 characters
    }

    private static void ip(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "ip";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        LocalCommand.run(IP_TIMEOUT, command).orThrow();
    }
}
