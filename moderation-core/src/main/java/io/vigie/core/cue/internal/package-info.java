/**
 * The signal model's implementation: lexicon parsing and compilation ({@code CueModelLoader}), the per-session
 * extractor and its pattern extractors, and the known-media indexes ({@code PdqIndex}). Not an API: use
 * {@link io.vigie.core.cue.CueModels}.
 */
package io.vigie.core.cue.internal;
