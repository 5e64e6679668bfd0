package io.homeport.provisioner.host;

import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.platform.secret.MasterKey;
import io.homeport.provisioner.config.ProvisionerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SSH private keys the provisioner logs in to hosts with: a key given through the API is kept encrypted with
 * the master key (bound to its host, so a ciphertext copied to another row does not open); a key reference names a
 * file in the key directory, read when needed and never copied into the database.
 */
@ApplicationScoped
public class SshKeys {

    private final MasterKey masterKey;
    private final Path keyDirectory;

    SshKeys(MasterKey masterKey, ProvisionerConfig config) {
        this.masterKey = masterKey;
        this.keyDirectory = config.ssh().keyDirectory();
    }

    /** Stores {@code privateKey} on {@code host}, encrypted. */
    void seal(Host host, String privateKey) {
        host.sshKey = masterKey.encrypt(privateKey.strip() + "\n", context(host));
        host.sshKeyReference = null;
    }

    /** Checks that a key reference names a readable file of the key directory, with the field's name in the 400. */
    void checkReference(String reference) {
        Path file = referencedFile(reference);
        if (!Files.isReadable(file)) {
            throw new ProblemException(Problem.invalidField("keyReference",
                    "names no readable key file in the provisioner's key directory " + keyDirectory));
        }
    }

    /**
     * The private key to log in to {@code host} with.
     *
     * @throws ProblemException 422 when the host has none, or its key file is gone
     */
    public String privateKey(Host host) {
        if (host.sshKey != null) {
            return masterKey.decrypt(host.sshKey, context(host));
        }
        if (host.sshKeyReference == null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Host " + host.name
                    + " has no SSH key: register it with privateKey or keyReference");
        }
        try {
            return Files.readString(referencedFile(host.sshKeyReference));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The key file '" + host.sshKeyReference
                    + "' of host " + host.name + " cannot be read from " + keyDirectory);
        }
    }

    private Path referencedFile(String reference) {
        // the API allows only plain file names; resolving and checking the parent keeps it that way
        Path file = keyDirectory.resolve(reference).normalize();
        if (!file.getParent().equals(keyDirectory.normalize())) {
            throw new ProblemException(Problem.invalidField("keyReference", "must be a file name"));
        }
        return file;
    }

    private static String context(Host host) {
        return "host-ssh-key:" + host.id;
    }
}
