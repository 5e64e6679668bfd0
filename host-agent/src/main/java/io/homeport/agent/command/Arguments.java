package io.homeport.agent.command;

import java.util.Map;

/** Reads a command's string arguments, refusing bad ones with a reason. */
final class Arguments {

    static String required(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw CommandFailure.invalid(name + " is required");
        }
        if (value.startsWith("-") || value.chars().anyMatch(Character::isISOControl)) {
            throw CommandFailure.invalid(name + " must not start with '-' or hold control characters");
        }
        return value;
    }

    static int integer(Map<String, String> args, String name, int fallback, int min, int max) {
        String value = args.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CommandFailure.invalid(name + " must be a whole number from " + min + " to " + max);
    }

    private Arguments() {
    }
}
