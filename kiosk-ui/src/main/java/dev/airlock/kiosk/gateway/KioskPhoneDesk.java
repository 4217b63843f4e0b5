package dev.airlock.kiosk.gateway;

import dev.airlock.appliance.gateway.PhoneDesk;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Phone entry on the kiosk screen: {@link #ask} runs on the gateway's worker thread, hands the
 * record to the screen and waits until the operator saves a CID, skips or stops ({@link #answer}),
 * or the screen goes away ({@link #close}, which stops the session; typed CIDs are already kept).
 */
final class KioskPhoneDesk implements PhoneDesk {
    private final BlockingQueue<PhoneAnswer> answers = new LinkedBlockingQueue<>();
    private final Consumer<PhoneCall> show;
    private volatile boolean closed;

    /** {@code show} is called on the worker thread; it must hand the call over to the UI itself. */
    KioskPhoneDesk(Consumer<PhoneCall> show) {
        this.show = show;
    }

    @Override
    public PhoneAnswer ask(PhoneCall call) {
        if (closed) {
            return new PhoneAnswer.Stop();
        }
        show.accept(call);
        try {
            PhoneAnswer a = answers.take();
            return closed && !(a instanceof PhoneAnswer.Typed) ? new PhoneAnswer.Stop() : a;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PhoneAnswer.Stop();
        }
    }

    /** The operator's answer to the record on screen. */
    void answer(PhoneAnswer answer) {
        answers.offer(answer);
    }

    /** Ends the session: the question waiting now (and any later one) is answered with stop. */
    void close() {
        closed = true;
        answers.offer(new PhoneAnswer.Stop());
    }

    boolean isClosed() {
        return closed;
    }
}
