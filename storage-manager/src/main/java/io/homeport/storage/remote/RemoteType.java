package io.homeport.storage.remote;

import io.homeport.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One rclone backend a remote can be of, with the options rclone defines for it (named as in rclone's
 * {@code backend/<type>/<type>.go}): which are known, which must be given, which are credentials (stored encrypted,
 * never shown) and which rclone keeps obscured in its config ({@code IsPassword} options).
 *
 * @param options      every option a user may set
 * @param credentials  the options that are secrets
 * @param obscured     the options rclone reads obscured ({@link RcloneObscure})
 * @param requirements what a definition must hold
 */
public record RemoteType(String name, Set<String> options, Set<String> credentials, Set<String> obscured,
        List<Requirement> requirements) {

    public RemoteType {
        options = Set.copyOf(options);
        credentials = Set.copyOf(credentials);
        obscured = Set.copyOf(obscured);
        requirements = List.copyOf(requirements);
    }

    /** Something a definition of this type must hold; answers the field and why when it does not. */
    @FunctionalInterface
    public interface Requirement {
        Optional<FieldError> check(Map<String, String> options);

        /** Each of {@code keys} must be given. */
        static List<Requirement> each(String... keys) {
            List<Requirement> all = new ArrayList<>();
            for (String key : keys) {
                all.add(options -> given(options, key) ? Optional.empty()
                        : Optional.of(new FieldError("options." + key, "is required")));
            }
            return all;
        }

        /** At least one of {@code keys} must be given. */
        static Requirement oneOf(String... keys) {
            return options -> {
                for (String key : keys) {
                    if (given(options, key)) {
                        return Optional.empty();
                    }
                }
                return Optional.of(new FieldError("options." + keys[0], "is required: give "
                        + String.join(" or ", keys)));
            };
        }

        /** {@code then} applies unless option {@code key} is {@code value}. */
        static Requirement unless(String key, String value, Requirement then) {
            return options -> value.equalsIgnoreCase(options.get(key)) ? Optional.empty() : then.check(options);
        }

        static boolean given(Map<String, String> options, String key) {
            String value = options.get(key);
            return value != null && !value.isBlank();
        }
    }

    /** The options in alphabetical order, for messages. */
    public String knownOptions() {
        return String.join(", ", new TreeSet<>(options));
    }

    /** The definition's credentials, or its other options. */
    public Map<String, String> split(Map<String, String> given, boolean secret) {
        TreeMap<String, String> part = new TreeMap<>();
        given.forEach((key, value) -> {
            if (credentials.contains(key) == secret) {
                part.put(key, value);
            }
        });
        return part;
    }
}
