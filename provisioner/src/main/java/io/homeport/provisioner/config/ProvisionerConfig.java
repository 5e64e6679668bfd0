package io.homeport.provisioner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The provisioner's own settings ({@code homeport.provisioner.*}). */
@ConfigMapping(prefix = "homeport.provisioner")
public interface ProvisionerConfig {

    /** Most hosts one inventory listing returns. */
    @WithDefault("1000")
    int listLimit();
}
