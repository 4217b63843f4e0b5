package dev.airlock.appliance.demo;

import dev.airlock.appliance.demo.StandInActivationService.Mode;
import dev.airlock.appliance.demo.StandInHttp.Reply;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The stand-in's fault modes: which {@link Mode} the next well-formed calls meet, and the reply each makes. */
final class StandInFaults {
    private volatile Mode mode = Mode.ANSWER;
    private final AtomicInteger modeCalls = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger answerFirst = new AtomicInteger(0);

    /** Behave as {@code mode} for the next {@code calls} calls, then answer normally again. */
    void behave(Mode mode, int calls) {
        this.mode = mode;
        this.modeCalls.set(calls);
    }

    /** Answer the next {@code answers} calls normally, then behave as {@code mode} for {@code calls} calls. */
    void behaveAfter(int answers, Mode mode, int calls) {
        this.answerFirst.set(answers);
        this.mode = mode;
        this.modeCalls.set(calls);
    }

    /**
     * The reply to one well-formed call; {@code answer} processes it (a CID answer spends an
     * activation) and gives the answer's body, asked for only where the mode processes the call.
     */
    Reply reply(Supplier<byte[]> answer) {
        Mode now = mode;
        if (now != Mode.ANSWER && answerFirst.getAndUpdate(n -> Math.max(0, n - 1)) <= 0
                && modeCalls.getAndDecrement() > 0) {
            switch (now) {
                case HTTP_500 -> {
                    return new Reply.Send(500, StandInSoap.fault("Server was unable to process request."), false);
                }
                case MALFORMED -> {
                    return new Reply.Send(200, StandInSoap.malformed(), false);
                }
                case SILENT -> {
                    return new Reply.Hold();
                }
                case BREAK_MID_ANSWER -> {
                    return new Reply.BreakOff(answer.get());
                }
                case CLOSE_WITHOUT_ANSWER -> {
                    answer.get(); // processed (and spent), but the answer never leaves
                    return new Reply.Close();
                }
                default -> { }
            }
        }
        return new Reply.Send(200, answer.get(), true);
    }
}
