/**
 * The standard folding chain ({@link io.vigie.core.normalize.internal.StandardNormalizer}: fold, leet,
 * separators) and its table compiled at startup from the data files under
 * {@code io/vigie/core/normalize/}. Not API: use {@link io.vigie.core.normalize.Normalizers}.
 */
package io.vigie.core.normalize.internal;
