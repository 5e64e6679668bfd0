package io.homeport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cgroups of one test host, {@code homeport-testhosts/NAME} in every cgroup v1 hierarchy of this machine.
 * systemd-nspawn is started inside them, and each controller directory is bound over the host's
 * {@code /sys/fs/cgroup/CONTROLLER}: the host's systemd and dockerd then manage cgroups of their own, which dockerd
 * needs, and everything the host ever ran can be found, and killed, here.
 */
final class HostCgroups {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String PARENT = "homeport-testhosts";
    /** The controllers bound into the host; nspawn sets up the {@code name=systemd} hierarchy itself. */
    static final List<String> CONTROLLERS =
            List.of("cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids");
    private static final List<String> HIERARCHIES = Stream.concat(CONTROLLERS.stream(), Stream.of("systemd", "unified"))
            .toList();

    private final String name;
    private final String memoryBase;

    /**
     * @param memoryBase the memory cgroup the host's is nested in ({@link #ownMemoryCgroup()} of the JVM that booted
     *                   it): a limit set on the test run then covers its hosts too
     */
    HostCgroups(String name, String memoryBase) {
        this.name = name;
        this.memoryBase = memoryBase;
    }

    /** Whether this machine has the cgroup v1 hierarchies the recipe needs (a cgroup v2-only machine has not). */
    static boolean supported() {
        return HIERARCHIES.stream().allMatch(hierarchy -> Files.isDirectory(ROOT.resolve(hierarchy)));
    }

    /** Where this host's cgroup is in {@code hierarchy}. */
    Path path(String hierarchy) {
        return parent(hierarchy).resolve(name);
    }

    void create() {
        try {
            for (String hierarchy : HIERARCHIES) {
                Files.createDirectories(path(hierarchy));
            }
            // a cpuset cgroup takes no process until it has CPUs and memory nodes, its parent first
            for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
                String all = Files.readString(ROOT.resolve("cpuset").resolve(file)).strip();
                Path parentFile = parent("cpuset").resolve(file);
                if (Files.readString(parentFile).isBlank()) {
                    Files.writeString(parentFile, all);
                }
                Files.writeString(path("cpuset").resolve(file), all);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cgroups of test host " + name, e);
        }
    }

    /** The {@code cgroup.procs} files a process writes its pid to, to join every cgroup of this host. */
    List<Path> membershipFiles() {
        return HIERARCHIES.stream().map(hierarchy -> path(hierarchy).resolve("cgroup.procs")).toList();
    }

    /** Every process the host runs, nspawn included: the pids controller sees them all, however nested. */
    List<Long> processes() {
        Path tree = path("pids");
        if (!Files.isDirectory(tree)) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path procs : files.filter(file -> file.getFileName().toString().equals("cgroup.procs")).toList()) {
                for (String line : Files.readAllLines(procs)) {
                    if (!line.isBlank()) {
                        pids.add(Long.parseLong(line.strip()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException gone) {
            // a cgroup removed while walking: its processes are gone too
        }
        return pids;
    }

    /** Removes this host's cgroups, deepest first; a cgroup still holding a process stays (and is reported). */
    void remove() {
        for (String hierarchy : HIERARCHIES) {
            Path tree = path(hierarchy);
            if (!Files.isDirectory(tree)) {
                continue;
            }
            try (Stream<Path> directories = Files.walk(tree)) {
                for (Path directory : directories.filter(Files::isDirectory)
                        .sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(directory); // rmdir: a cgroup's files vanish with it
                }
            } catch (IOException | UncheckedIOException e) {
                System.err.println("test host " + name + ": cannot remove cgroup " + tree + ": " + e);
            }
            Leftovers.removeIfUnused(parent(hierarchy)); // the last host out removes the shared parent
        }
    }

    private Path parent(String hierarchy) {
        Path base = ROOT.resolve(hierarchy);
        if (hierarchy.equals("memory")) {
            base = Path.of(base + memoryBase);
        }
        return base.resolve(PARENT);
    }

    /** This JVM's memory cgroup ({@code ""} for the root). */
    static String ownMemoryCgroup() {
        try {
            return Files.readAllLines(Path.of("/proc/self/cgroup")).stream()
                    .map(line -> line.split(":", 3))
                    .filter(fields -> fields.length == 3 && List.of(fields[1].split(",")).contains("memory"))
                    .map(fields -> fields[2].equals("/") ? "" : fields[2])
                    .findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
