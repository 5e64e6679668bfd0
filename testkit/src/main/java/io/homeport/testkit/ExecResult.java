package io.homeport.testkit;

/** What a command run on a {@link TestHost} (or on this machine, for the testkit itself) gave back. */
public record ExecResult(String command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result, or an exception naming the command, its exit code and its output when it failed. */
    public ExecResult orThrow() {
        if (!succeeded()) {
            throw new IllegalStateException(this.toString());
        }
        return this;
    }

    @Override
    public String toString() {
        return "`" + command + "` exited " + exitCode + (stdout.isBlank() ? "" : "\nstdout: " + stdout.strip())
                + (stderr.isBlank() ? "" : "\nstderr: " + stderr.strip());
    }
}
