package io.vigie.stream.topology;

import io.vigie.stream.integrity.AlertChain;

/** The alert chains available to the topology. */
public final class AlertLinkers {

    /** Leaves alerts unlinked ({@code prevHash} and {@code hash} stay null). */
    public static final AlertLinker NONE = (alert, prevHash) -> alert;

    private AlertLinkers() {
    }

    /** The project's integrity chain: SHA-256 over the canonical alert, linked to the task's previous one. */
    public static AlertLinker defaultLinker() {
        return AlertChain::link;
    }
}
