/** Rule pack compiler and compiled form; not a public API, use {@link io.vigie.core.rule.RulePacks}. */
package io.vigie.core.rule.internal;
