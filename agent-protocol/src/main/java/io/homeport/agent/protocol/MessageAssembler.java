package io.homeport.agent.protocol;

/**
 * Joins the parts a WebSocket text message may arrive in ({@code java.net.http.WebSocket.Listener#onText} hands
 * them over with a {@code last} flag), so that each listener reads whole frames.
 */
public final class MessageAssembler {

    private final StringBuilder partial = new StringBuilder();

    /** @return the whole message once its last part is in, otherwise null */
    public String append(CharSequence part, boolean last) {
        partial.append(part);
        if (!last) {
            return null;
        }
        String message = partial.toString();
        partial.setLength(0);
        return message;
    }
}
