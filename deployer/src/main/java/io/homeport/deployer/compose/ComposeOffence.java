package io.homeport.deployer.compose;

/** One thing in a compose file Homeport does not take: where ({@code services.web.privileged}) and why. */
public record ComposeOffence(String path, String reason) {
}
