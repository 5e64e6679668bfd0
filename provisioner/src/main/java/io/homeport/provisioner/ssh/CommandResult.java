package io.homeport.provisioner.ssh;

/** What a command run over SSH gave back. {@code exitCode} is -1 when the command ended without one (a signal). */
public record CommandResult(String command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
