/**
 * The engine in force: {@link io.vigie.stream.engine.ReloadingEngine} swaps in a changed rule pack without restart.
 */
package io.vigie.stream.engine;
