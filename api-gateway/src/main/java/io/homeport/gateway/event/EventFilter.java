package io.homeport.gateway.event;

import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which events a reader or a webhook wants: a type filter is an exact type ({@code io.homeport.host.lost.v1}) or a
 * prefix ending in {@code .} ({@code io.homeport.host.}); a subject filter is exact. No filter of a kind: any. The
 * same rule is applied in SQL ({@link EventLog}) and in Java ({@link #matches}, for webhooks).
 */
public record EventFilter(List<String> exactTypes, List<String> typePrefixes, List<String> subjects) {

    public static final EventFilter ANY = new EventFilter(List.of(), List.of(), List.of());

    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final int MAX_SUBJECT = 255;

    /**
     * Reads filters as a user gave them.
     *
     * @throws ProblemException 400 naming the field and the offending filter
     */
    public static EventFilter of(List<String> types, List<String> subjects, String typeField, String subjectField) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String type : types == null ? List.<String>of() : types) {
            if (type == null || !TYPE.matcher(type).matches()) {
                throw new ProblemException(Problem.invalidField(typeField, "must be event types or prefixes ending "
                        + "in '.' (letters, digits, '.', '_', '-'; at most 255 characters), e.g. io.homeport.host."));
            }
            (type.endsWith(".") ? prefixes : exact).add(type);
        }
        List<String> subjectList = subjects == null ? List.of() : List.copyOf(subjects.stream()
                .map(subject -> subject == null ? "" : subject).toList());
        for (String subject : subjectList) {
            if (subject.isBlank() || subject.length() > MAX_SUBJECT
                    || subject.chars().anyMatch(Character::isISOControl)) {
                throw new ProblemException(Problem.invalidField(subjectField,
                        "must be subjects of 1 to 255 printable characters"));
            }
        }
        return new EventFilter(List.copyOf(exact), List.copyOf(prefixes), subjectList);
    }

    public boolean filtersTypes() {
        return !exactTypes.isEmpty() || !typePrefixes.isEmpty();
    }

    public boolean matches(String type, String subject) {
        return matchesType(type) && (subjects.isEmpty() || subject != null && subjects.contains(subject));
    }

    public boolean matchesType(String type) {
        return !filtersTypes() || exactTypes.contains(type) || typePrefixes.stream().anyMatch(type::startsWith);
    }

    /** The filters as the user gave them, for showing back. */
    public List<String> types() {
        List<String> all = new ArrayList<>(exactTypes);
        all.addAll(typePrefixes);
        return all;
    }
}
