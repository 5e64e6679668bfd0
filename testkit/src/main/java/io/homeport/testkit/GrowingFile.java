package io.homeport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file an app keeps appending to (a log, a counter): {@code started}, then {@code line 0}, {@code line 1} ... about
 * once a millisecond until closed. For tests of copying a source in use.
 */
public final class GrowingFile implements AutoCloseable {

    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final Thread writer;

    private GrowingFile(Path file) {
        this.writer = new Thread(() -> {
            for (int line = 0; writing.get(); line++) {
                try {
                    Files.writeString(file, "line " + line + "\n", StandardOpenOption.APPEND);
                    Thread.sleep(1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "growing-" + file.getFileName());
    }

    /** Creates {@code file} holding {@code started} and starts appending to it. */
    public static GrowingFile start(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "started\n");
        GrowingFile growing = new GrowingFile(file);
        growing.writer.start();
        return growing;
    }

    /** Stops appending and waits until the last line is written. */
    @Override
    public void close() throws InterruptedException {
        writing.set(false);
        writer.join();
    }
}
