package io.homeport.deployer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The deployer's own settings ({@code homeport.deployer.*}). */
@ConfigMapping(prefix = "homeport.deployer")
public interface DeployerConfig {

    /** Name under which this service records the events it processed; keep it stable across releases. */
    @WithDefault("deployer")
    String consumerName();
}
