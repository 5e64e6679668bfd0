package io.homeport.deployer.stack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the queued apps of a stack deploy may start, as pure functions of what each waits for: an app starts once
 * every app it waits for has succeeded, and can never start once one of them has failed (nor can anything queued
 * behind it in turn).
 */
public final class StackGate {

    /**
     * The queued apps that may start now.
     *
     * @param queued    each queued app and the apps it waits for, in start order
     * @param succeeded the apps of the stack deploy whose deployment succeeded
     */
    public static List<String> ready(Map<String, List<String>> queued, Set<String> succeeded) {
        return queued.entrySet().stream().filter(app -> succeeded.containsAll(app.getValue())).map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The queued apps that can no longer start because {@code failed} did not succeed: those waiting for it, then
     * those waiting for them, and so on. Each maps to the app it waited for that failed or will never start.
     */
    public static Map<String, String> blocked(String failed, Map<String, List<String>> queued) {
        Map<String, String> blocked = new LinkedHashMap<>();
        Deque<String> down = new ArrayDeque<>(List.of(failed));
        while (!down.isEmpty()) {
            String cause = down.poll();
            queued.forEach((app, waitsFor) -> {
                if (waitsFor.contains(cause) && !blocked.containsKey(app)) {
                    blocked.put(app, cause);
                    down.add(app);
                }
            });
        }
        return blocked;
    }

    private StackGate() {
    }
}
