package io.homeport.agent.command;

/**
 * Keeps the last {@code limit} characters of a command's output, so a result frame stays small however much a
 * command prints; what was cut is said in the first line.
 */
final class OutputTail {

    private final int limit;
    private final StringBuilder text = new StringBuilder();
    private long dropped;

    OutputTail(int limit) {
        this.limit = limit;
    }

    synchronized void append(CharSequence chunk) {
        text.append(chunk);
        int excess = text.length() - limit;
        if (excess > 0) {
            int cut = text.indexOf("\n", excess);
            cut = cut < 0 ? excess : cut + 1;
            text.delete(0, cut);
            dropped += cut;
        }
    }

    synchronized void line(String line) {
        append(line);
        append("\n");
    }

    @Override
    public synchronized String toString() {
        return dropped == 0 ? text.toString() : "[" + dropped + " earlier characters cut]\n" + text;
    }
}
