package io.homeport.launcher.process;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The classpath of this JVM, for child JVMs that run the launcher's own main classes (the embedded broker and
 * database). Manifest {@code Class-Path} entries are expanded and every entry appears once: test runners pass
 * the classpath through a manifest-only jar, and a library seen twice confuses the embedded PostgreSQL, which
 * looks its binaries up on the classpath.
 */
public final class ChildClasspath {

    public static String current() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(Path.of(entry).toAbsolutePath().normalize(), entries);
            }
        }
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static void add(Path entry, Set<Path> entries) {
        if (!entries.add(entry) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return;
            }
            URI base = entry.getParent().toUri();
            for (String reference : classPath.trim().split("\\s+")) {
                URI resolved = base.resolve(reference);
                if ("file".equals(resolved.getScheme())) {
                    add(Path.of(resolved).toAbsolutePath().normalize(), entries);
                }
            }
        } catch (IOException e) {
            // not a readable jar: keep it as an entry and let the JVM judge it
        }
    }

    private ChildClasspath() {
    }
}
