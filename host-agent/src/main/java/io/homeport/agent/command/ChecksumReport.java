package io.homeport.agent.command;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code rclone checksum --combined} found when it held a backup against its checksums file: one line per file,
 * a symbol, a space, the path. Read here so a damaged backup's message names every file that is not as it was
 * backed up, rather than passing rclone's log on.
 *
 * @param matching how many files match their checksums
 * @param damaged  each file that does not, by what is wrong with it (sorted by path, for stable messages)
 */
record ChecksumReport(int matching, Map<String, List<String>> damaged) {

    /** What each symbol of rclone's combined report means for a backup (the checksums file is rclone's source). */
    private static final Map<Character, String> PROBLEMS = Map.of(
            '*', "changed",
            '+', "missing",
            '-', "not in the checksums",
            '!', "unreadable");

    static ChecksumReport read(String combined) {
        int matching = 0;
        Map<String, TreeSet<String>> damaged = new TreeMap<>();
        for (String line : combined.lines().toList()) {
            if (line.length() < 3 || line.charAt(1) != ' ') {
                continue;
            }
            char symbol = line.charAt(0);
            if (symbol == '=') {
                matching++;
            } else {
                String problem = PROBLEMS.getOrDefault(symbol, "reported as '" + symbol + "'");
                damaged.computeIfAbsent(problem, p -> new TreeSet<>()).add(line.substring(2));
            }
        }
        Map<String, List<String>> sorted = new TreeMap<>();
        damaged.forEach((problem, paths) -> sorted.put(problem, List.copyOf(paths)));
        return new ChecksumReport(matching, sorted);
    }

    boolean intact() {
        return damaged.isEmpty();
    }

    /** e.g. {@code changed: a.txt; missing: c.bin, notes/b.txt}. */
    String problems() {
        StringJoiner text = new StringJoiner("; ");
        damaged.forEach((problem, paths) -> text.add(problem + ": " + String.join(", ", paths)));
        return text.toString();
    }
}
