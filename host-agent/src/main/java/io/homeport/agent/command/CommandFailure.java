package io.homeport.agent.command;

import io.homeport.agent.protocol.Frame;

/** A command that cannot be done, with the reason the caller sees. */
public final class CommandFailure extends RuntimeException {

    private final Frame.Failure failure;

    public CommandFailure(Frame.Failure failure, String reason) {
        super(reason);
        this.failure = failure;
    }

    public static CommandFailure invalid(String reason) {
        return new CommandFailure(Frame.Failure.INVALID, reason);
    }

    public Frame.Failure failure() {
        return failure;
    }
}
