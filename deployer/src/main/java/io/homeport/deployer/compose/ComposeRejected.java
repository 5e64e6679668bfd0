package io.homeport.deployer.compose;

import java.util.List;

/** A compose file that cannot be imported as it is, with every offence found (never only the first). */
public final class ComposeRejected extends RuntimeException {

    private final transient List<ComposeOffence> offences;

    ComposeRejected(List<ComposeOffence> offences) {
        super(offences.size() + " unsupported or invalid compose keys");
        this.offences = List.copyOf(offences);
    }

    public List<ComposeOffence> offences() {
        return offences;
    }
}
