package io.homeport.storage.remote;

import io.homeport.api.storage.RemoteDefinition;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.Problem.FieldError;
import io.homeport.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Checks a remote definition before anything is stored: a known type, only options that type has, every required
 * option and credential, and no control character in any value (a line break would let a value write its own lines
 * into every host's rclone.conf). Messages name options, never values.
 */
public final class RemoteValidation {

    /** The type of a valid definition; otherwise a 400 listing every problem. */
    public static RemoteType check(RemoteDefinition definition) {
        RemoteType type = RemoteTypes.find(definition.type()).orElseThrow(() -> new ProblemException(
                Problem.invalidField("type", "'" + printable(definition.type()) + "' is not a remote type Homeport "
                        + "knows: " + RemoteTypes.known())));
        List<FieldError> errors = new ArrayList<>();
        new TreeMap<>(definition.options()).forEach((key, value) -> {
            if (!type.options().contains(key)) {
                errors.add(new FieldError("options." + printable(key), "is not an option of " + type.name()
                        + " remotes (known: " + type.knownOptions() + ")"));
            } else if (value == null) {
                errors.add(new FieldError("options." + key, "must have a value"));
            } else if (value.chars().anyMatch(Character::isISOControl)) {
                errors.add(new FieldError("options." + key, "must not contain a line break or other control "
                        + "character" + ("key_pem".equals(key) ? " (write the PEM's line breaks as \\n, as rclone "
                        + "expects)" : "")));
            }
        });
        type.requirements().forEach(requirement -> requirement.check(definition.options()).ifPresent(errors::add));
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("the " + type.name() + " remote cannot be used: "
                    + String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()), errors));
        }
        return type;
    }

    /** Echoes a name back without any control character in it. */
    private static String printable(String text) {
        return String.valueOf(text).codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private RemoteValidation() {
    }
}
