package io.homeport.launcher.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports free at the time of asking, for servers that tests and benchmarks start (a control plane's services, sshd,
 * rclone, Keycloak, Netdata, ...).
 *
 * <p>They are taken below the kernel's ephemeral range: a port the kernel hands out for {@code bind(0)} comes from
 * that range, and so does the local port of every outgoing connection, so such a port is often taken by a Kafka or
 * database client between the asking and the server's start ("port in use"). A port is also never handed out twice
 * by one JVM.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final int EPHEMERAL_LOW_DEFAULT = 32_768;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        int highest = ephemeralLow() - 1;
        for (int tries = 0; tries < 1_000; tries++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + highest);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralLow() {
        try {
            int low = Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
            return low > LOWEST + 1_000 ? low : EPHEMERAL_LOW_DEFAULT;
        } catch (IOException | RuntimeException e) {
            return EPHEMERAL_LOW_DEFAULT;
        }
    }
}
