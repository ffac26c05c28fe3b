/** Rule pack compiler and compiled form; not a public API, use {@link io.vigie.core.rule.RulePackLoader}. */
package io.vigie.core.rule.internal;
