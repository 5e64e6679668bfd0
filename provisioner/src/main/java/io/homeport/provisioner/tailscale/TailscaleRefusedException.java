package io.homeport.provisioner.tailscale;

/** Tailscale refused the request (4xx other than 429): asking again would get the same answer. */
public class TailscaleRefusedException extends TailscaleException {

    TailscaleRefusedException(int status, String message) {
        super(status, message);
    }
}
