package dev.airlock.appliance.inventory;

/** A state change the state machine does not allow; the message names state and event. */
public final class IllegalTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final ProductState from;
    private final ProductEvent event;

    IllegalTransitionException(ProductState from, ProductEvent event) {
        super("a product in state " + from + " (" + from.meaning() + ") cannot take event " + event);
        this.from = from;
        this.event = event;
    }

    public ProductState from() {
        return from;
    }

    public ProductEvent event() {
        return event;
    }
}
