/**
 * The signal model's implementation: lexicon parsing and compilation ({@code SignalModelLoader}), the per-session
 * extractor and its pattern extractors, and the known-media indexes ({@code PdqIndex}). Not an API: use
 * {@link io.vigie.core.signal.SignalModels}.
 */
package io.vigie.core.signal.internal;
