package io.vigie.stream.eval;

/**
 * Input {@code eval} cannot use (a missing file, an unreadable or invalid label file); the message is the one line
 * printed after {@code "eval: "}.
 */
public final class EvalException extends Exception {

    private static final long serialVersionUID = 1L;

    public EvalException(String message) {
        super(message);
    }
}
