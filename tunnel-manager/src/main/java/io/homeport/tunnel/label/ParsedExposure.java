package io.homeport.tunnel.label;

import java.util.List;

/**
 * What a container's labels ask for. All or nothing: when {@code problems} is not empty, {@code routes} is empty,
 * so a half-understood container never gets half of its hostnames.
 */
public record ParsedExposure(List<Route> routes, List<LabelProblem> problems) {

    public ParsedExposure {
        routes = List.copyOf(routes);
        problems = List.copyOf(problems);
        if (!problems.isEmpty() && !routes.isEmpty()) {
            throw new IllegalArgumentException("a container with problems exposes nothing");
        }
    }

    /** A container that is not enabled for exposure. */
    public static ParsedExposure notExposed() {
        return new ParsedExposure(List.of(), List.of());
    }

    static ParsedExposure rejected(List<LabelProblem> problems) {
        return new ParsedExposure(List.of(), problems);
    }

    public boolean exposed() {
        return !routes.isEmpty();
    }
}
