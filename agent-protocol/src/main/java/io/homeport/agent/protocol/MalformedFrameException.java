package io.homeport.agent.protocol;

/** A frame that is not valid JSON of a known type; the connection that sent it is closed with this reason. */
public class MalformedFrameException extends RuntimeException {

    public MalformedFrameException(String reason) {
        super("malformed frame: " + reason);
    }
}
