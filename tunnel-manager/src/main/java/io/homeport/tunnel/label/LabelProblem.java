package io.homeport.tunnel.label;

/** Why a container's exposure labels were rejected: the offending label's full key and a message for its owner. */
public record LabelProblem(String label, String message) {

    @Override
    public String toString() {
        return label + ": " + message;
    }
}
