package io.homeport.api.webhooks;

/** Where a webhook delivery stands. */
public enum DeliveryState {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed (dead letter); it stays in the log until it is retried or pruned with its event. */
    DEAD
}
