// The scenario's own rules, in words: what each choice and event does to a
// measure, and the conditions that decide the ending. Read from the content;
// nothing here decides anything.
import type { CompiledScenario, Condition, ContentBundle, Effect, MetricId } from '../engine/index.ts';
import { allVersions, everyResponse } from '../engine/index.ts';
import { currentLanguage, fmt, t } from '../text/i18n.ts';
import { h, type Child } from './dom.ts';
import { plain, sourceList } from './widgets.ts';

const quote = (s: string) => t('model.quoted', { text: s });

function optionsWith(c: CompiledScenario, has: (o: { tags: readonly string[]; flags: readonly string[] }) => boolean): string[] {
  return c.decisions.flatMap((d) => d.options.filter(has).map((o) => quote(plain(o.label))));
}

function responsesWith(c: CompiledScenario, flag: string): string[] {
  return c.events.flatMap(allVersions).flatMap((e) => e.responses.filter((r) => r.flags.includes(flag)).map((r) => t('model.answered', { event: quote(plain(e.headline)), response: quote(plain(r.label)) })));
}

function orList(items: string[]): string {
  return new Intl.ListFormat(currentLanguage(), { type: 'disjunction' }).format(items);
}

function range(value: (n: number) => string, r: { gte?: number; lte?: number; gt?: number; lt?: number }): string {
  const parts = [
    r.gte !== undefined ? `≥ ${value(r.gte)}` : null,
    r.gt !== undefined ? `> ${value(r.gt)}` : null,
    r.lte !== undefined ? `≤ ${value(r.lte)}` : null,
    r.lt !== undefined ? `< ${value(r.lt)}` : null,
  ].filter((p): p is string => p !== null);
  return parts.join(t('model.and'));
}

/** One condition as text (a leaf) or as a nested list (all / any / not). */
export function conditionTree(c: CompiledScenario, condition: Condition): HTMLElement {
  const group = (label: string, parts: readonly Condition[]) =>
    h('div', { class: 'condition' }, h('span', {}, label), h('ul', {}, ...parts.map((p) => h('li', {}, conditionTree(c, p)))));
  if ('all' in condition) return group(t('model.all'), condition.all);
  if ('any' in condition) return group(t('model.any'), condition.any);
  if ('not' in condition) {
    const inner = condition.not;
    if ('not' in inner) return conditionTree(c, inner.not);
    if ('all' in inner) return group(t('model.notAll'), inner.all);
    return group(t('model.none'), 'any' in inner ? inner.any : [inner]);
  }
  return h('span', { class: 'condition' }, leafText(c, condition));
}

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase(currentLanguage()) + s.slice(1);

function leafText(c: CompiledScenario, condition: Condition): string {
  return capitalised(leafPhrase(c, condition));
}

function leafPhrase(c: CompiledScenario, condition: Condition): string {
  if ('metric' in condition) {
    const value = (n: number) => (condition.metric === 'debt' ? fmt.usdMillions(n) : fmt.number(n));
    return `${t(`metric.${condition.metric}`)} ${range(value, condition)}`;
  }
  if ('chose' in condition) {
    const [decision, option] = condition.chose.split('.') as [string, string];
    const o = c.options.get(decision)?.get(option);
    return t('model.chose', { options: o ? quote(plain(o.label)) : condition.chose });
  }
  if ('tag' in condition) {
    const options = optionsWith(c, (o) => o.tags.includes(condition.tag));
    return options.length ? t('model.chose', { options: orList(options) }) : t('model.tag', { tag: condition.tag });
  }
  if ('flag' in condition) {
    const ways = [...responsesWith(c, condition.flag), ...optionsWith(c, (o) => o.flags.includes(condition.flag)).map((o) => t('model.chose', { options: o }))];
    return ways.length ? orList(ways) : t('model.flag', { flag: condition.flag });
  }
  if ('seen' in condition) {
    const e = c.eventById.get(condition.seen);
    return t('model.seen', { event: e ? quote(plain(e.headline)) : condition.seen });
  }
  if ('responded' in condition) {
    const [event, response] = condition.responded.split('.') as [string, string];
    const e = c.eventById.get(event);
    const r = everyResponse(e).find((x) => x.id === response);
    return e && r ? t('model.answered', { event: quote(plain(e.headline)), response: quote(plain(r.label)) }) : condition.responded;
  }
  return 'turn' in condition ? `${t('model.turn')} ${range(String, condition.turn)}` : '';
}

/** The endings in the order the game checks them, each with its conditions; the one reached is marked. */
export function endingRules(c: CompiledScenario, reached: string): HTMLElement {
  const item = (e: CompiledScenario['regularEndings'][number], fallback: boolean) =>
    h(
      'li',
      { class: e.id === reached ? 'ending-rule is-reached' : 'ending-rule', 'data-ending': e.id },
      h('strong', {}, plain(e.title)),
      ` (${t(`ending.tone.${e.tone}`)})`,
      e.id === reached ? h('span', { class: 'reached' }, ` — ${t('model.yourEnding')}`) : null,
      e.when ? conditionTree(c, e.when) : h('p', { class: 'meta' }, t(fallback ? 'model.fallback' : 'model.always')),
    );
  return h(
    'div',
    { class: 'ending-rules' },
    c.earlyEndings.length ? h('p', {}, t('model.earlyIntro')) : null,
    c.earlyEndings.length ? h('ol', {}, ...c.earlyEndings.map((e) => item(e, false))) : null,
    h('p', {}, t('model.endingIntro')),
    h('ol', {}, ...c.regularEndings.map((e, i) => item(e, i === c.regularEndings.length - 1))),
  );
}

interface Mover {
  label: string;
  effect: Effect;
  perTurn: boolean;
}

/** Every choice and event of the scenario that moves this measure, with its size and reason. */
export function scenarioMovers(bundle: ContentBundle, c: CompiledScenario, metric: MetricId): HTMLElement[] {
  const fromChoices: Mover[] = c.decisions.flatMap((d) =>
    d.options.flatMap((o) => [
      ...o.effects.filter((e) => e.metric === metric).map((effect) => ({ label: plain(o.label), effect, perTurn: false })),
      ...o.perTurn.filter((e) => e.metric === metric).map((effect) => ({ label: plain(o.label), effect, perTurn: true })),
    ]),
  );
  const fromEvents: Mover[] = c.events.flatMap(allVersions).flatMap((ev) => [
    ...ev.effects.filter((e) => e.metric === metric).map((effect) => ({ label: plain(ev.headline), effect, perTurn: false })),
    ...ev.responses.flatMap((r) =>
      r.effects.filter((e) => e.metric === metric).map((effect) => ({ label: `${plain(ev.headline)} — ${plain(r.label)}`, effect, perTurn: false })),
    ),
  ]);
  const list = (movers: Mover[]) =>
    h(
      'ul',
      { class: 'changes' },
      ...movers.map((m) => {
        const size: Child = h('strong', {}, `${fmt.delta(m.effect.delta, 1)}${m.perTurn ? ` ${t('model.perTurn')}` : ''}`);
        return h('li', {}, size, ' — ', m.label, m.effect.because ? `: ${plain(m.effect.because)}` : '', sourceList(bundle, m.effect.sources));
      }),
    );
  return [
    fromChoices.length ? h('h3', {}, t('model.choices')) : null,
    fromChoices.length ? list(fromChoices) : null,
    fromEvents.length ? h('h3', {}, t('model.events')) : null,
    fromEvents.length ? list(fromEvents) : null,
    fromChoices.length + fromEvents.length === 0 ? h('p', { class: 'meta' }, t('model.noMovers')) : null,
  ].filter((n) => n !== null);
}
