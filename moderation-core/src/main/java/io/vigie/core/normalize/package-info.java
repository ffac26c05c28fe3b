/**
 * Step 1 of the pipeline: folds raw chat text into the normalized text that lexicons and rule-pack regexes
 * match against, with a map back to the raw offsets. Entry point: {@link io.vigie.core.normalize.Normalizers#standard()},
 * whose javadoc is the reference for what the folded form looks like.
 */
package io.vigie.core.normalize;
