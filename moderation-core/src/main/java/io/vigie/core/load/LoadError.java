package io.vigie.core.load;

/**
 * One problem found in a rule pack or data file.
 *
 * @param file   path of the file as given, never null
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param reason what is wrong, never null
 * @param hint   how to fix it; may be null
 */
public record LoadError(String file, int line, int column, String reason, String hint) {

    /** {@code file:line:column: reason (hint)}, the format {@code rules validate} prints. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file).append(':').append(line);
        if (column > 0) {
            sb.append(':').append(column);
        }
        sb.append(": ").append(reason);
        if (hint != null && !hint.isBlank()) {
            sb.append(" (hint: ").append(hint).append(')');
        }
        return sb.toString();
    }
}
