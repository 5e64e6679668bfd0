package io.homeport.agent.command;

import io.homeport.agent.protocol.Frame;

/** A command that cannot be done, with the reason the caller sees. */
public final class CommandFailure extends RuntimeException {

    private final Frame.Failure failure;
    private final Integer exitCode;

    public CommandFailure(Frame.Failure failure, String reason) {
        this(failure, reason, null);
    }

    /** @param exitCode the exit status of the program that failed, null when it did not run to an exit */
    public CommandFailure(Frame.Failure failure, String reason, Integer exitCode) {
        super(reason);
        this.failure = failure;
        this.exitCode = exitCode;
    }

    public static CommandFailure invalid(String reason) {
        return new CommandFailure(Frame.Failure.INVALID, reason);
    }

    public Frame.Failure failure() {
        return failure;
    }

    /** The program's exit status (rclone's say what went wrong: 3 directory not found, 4 file not found), or null. */
    public Integer exitCode() {
        return exitCode;
    }
}
