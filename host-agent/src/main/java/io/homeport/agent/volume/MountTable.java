package io.homeport.agent.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mount points the kernel lists in {@code /proc/self/mountinfo}. Asking the kernel's table, rather than
 * {@code stat}-ing the path, cannot hang on a FUSE mount whose daemon no longer answers.
 */
final class MountTable {

    private final Path mountinfo;

    MountTable(Path mountinfo) {
        this.mountinfo = mountinfo;
    }

    boolean isMountPoint(Path path) {
        try {
            return mountPoints(Files.readString(mountinfo)).contains(path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mountinfo, e);
        }
    }

    /** The fifth field of each line, its octal escapes (a space is {@code \040}) undone. */
    static Set<String> mountPoints(String mountinfo) {
        return mountinfo.lines().map(line -> line.split(" ")).filter(fields -> fields.length > 4)
                .map(fields -> unescape(fields[4])).collect(Collectors.toSet());
    }

    private static String unescape(String field) {
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
