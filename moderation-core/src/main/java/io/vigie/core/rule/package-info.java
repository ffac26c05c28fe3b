/**
 * Rule packs: operator-edited YAML compiled at load into a {@link io.vigie.core.rule.RulePack}. Entry points:
 * {@link io.vigie.core.rule.RulePackLoader} to load, {@link io.vigie.core.rule.RuleTester} to run a pack's examples.
 */
package io.vigie.core.rule;
