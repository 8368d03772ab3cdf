// Causes into words, in the player's language: what the debrief's "why", the
// turn's changes, the live region and the workshop's causes say. A cause is
// data (engine/metrics.ts); nothing here parses it back from a string.
import { RULE_BY_ID, cardVersion, type Cause, type CompiledScenario, type MetricId } from '../engine/index.ts';
import { plain, t } from './i18n.ts';

/** A built-in rule's explanation, with its parameters filled in. */
export function ruleText(id: string): string {
  const rule = RULE_BY_ID.get(id);
  return rule ? t(`rules.${id}`, { ...rule.params }) : id;
}

/** The full sentence for one change: the choice, event or rule, and why it moved this measure. */
export function causeText(c: CompiledScenario, metric: MetricId, cause: Cause): string {
  switch (cause.kind) {
    case 'rule':
      return ruleText(cause.rule);
    case 'option': {
      const option = c.options.get(cause.decision)?.get(cause.option);
      if (!option) return `${cause.decision}.${cause.option}`;
      const effect = [...option.effects, ...option.perTurn].find((e) => e.metric === metric && e.because);
      return effect ? `${plain(option.label)}: ${plain(effect.because)}` : plain(option.label);
    }
    case 'event': {
      const base = c.eventById.get(cause.event);
      if (!base) return cause.event;
      const event = cardVersion(base, cause.variant);
      const effect = event.effects.find((e) => e.metric === metric && e.because);
      return effect ? `${plain(event.headline)}: ${plain(effect.because)}` : plain(event.headline);
    }
    case 'response': {
      const base = c.eventById.get(cause.event);
      const event = base && cardVersion(base, cause.variant);
      const response = event?.responses.find((r) => r.id === cause.response);
      if (!event || !response) return `${cause.event}.${cause.response}`;
      const effect = response.effects.find((e) => e.metric === metric && e.because);
      const label = `${plain(event.headline)} — ${plain(response.label)}`;
      return effect ? `${label}: ${plain(effect.because)}` : label;
    }
    default:
      return cause satisfies never;
  }
}

/** A short name for a cause (a choice's label, an event's headline, the response given, a rule's name), for tables and cards. */
export function causeLabel(c: CompiledScenario, cause: Cause): string {
  switch (cause.kind) {
    case 'rule':
      return RULE_BY_ID.has(cause.rule) ? t(`ruleNames.${cause.rule}`) : cause.rule;
    case 'option': {
      const option = c.options.get(cause.decision)?.get(cause.option);
      return option ? plain(option.label) : `${cause.decision}.${cause.option}`;
    }
    case 'event': {
      const event = c.eventById.get(cause.event);
      return event ? plain(cardVersion(event, cause.variant).headline) : cause.event;
    }
    case 'response': {
      // The player's own answer, in its words.
      const event = c.eventById.get(cause.event);
      const response = event && cardVersion(event, cause.variant).responses.find((r) => r.id === cause.response);
      return response ? plain(response.label) : `${cause.event}.${cause.response}`;
    }
    default:
      return cause satisfies never;
  }
}
