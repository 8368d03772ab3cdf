// The facilitator's CSV: one line per team, for spreadsheets and for
// research. Ids stay beside labels in the chosen language (a label can be
// translated or reworded; the id cannot), every cell is quoted, and a cell
// that a spreadsheet would read as a formula is neutralised. It starts with a
// UTF-8 byte-order mark so that spreadsheet programs read Cyrillic as such.
import { cardVersion, type ContentBundle, type Scenario } from '../engine/index.ts';
import '../text/desk-locales.ts';
import { plain, t } from '../text/i18n.ts';
import { teamGain } from './learning-gain.ts';
import type { TeamResult } from './results.ts';

const BOM = '\uFEFF';

/** A quoted cell; =, +, -, @ (and tab or carriage return) at the start are neutralised with a leading apostrophe, except in a plain number. */
export function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) && !/^[-+]?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

const share = (x: number | undefined) => (x === undefined ? '' : (Math.round(x * 1000) / 10).toFixed(1));

export function resultsCsv(rows: readonly TeamResult[], bundles: Readonly<Record<string, ContentBundle>>): string {
  const first = rows[0];
  const scenarioOf = (r: TeamResult): Scenario | undefined => bundles[r.scenarioId]?.scenarios.find((s) => s.id === r.scenarioId);
  const base = first ? scenarioOf(first) : undefined;
  const decisions = base?.decisions ?? [];
  const questions = base?.knowledgeCheck ?? [];
  const header = [
    'team',
    'players',
    'players_said',
    'scenario_id',
    'scenario',
    'session',
    'seed',
    'ending_id',
    'ending',
    'ending_tone',
    'debt_usd_m',
    'data_exposure',
    'backlash',
    'public_safety',
    'sovereignty',
    'standing',
    ...decisions.flatMap((d) => [`choice_${d.id}`, `choice_${d.id}_label`]),
    'responses',
    'responses_label',
    'check_before_pct',
    'check_after_pct',
    'check_gain_pp',
    ...questions.flatMap((q) => [`q_${q.id}_before`, `q_${q.id}_after`]),
    'code',
  ];
  const lines = rows.map((r) => {
    const scenario = scenarioOf(r);
    const ending = scenario?.endings.find((e) => e.id === r.ending);
    const choiceCells = decisions.flatMap((d) => {
      const picked = r.choices[d.id] ?? [];
      // An empty multi-select (no safeguards) is an empty cell, not a stray separator.
      return [picked.join('; '), picked.map((id) => plain(d.options.find((o) => o.id === id)?.label) || id).join('; ')];
    });
    const responseLabel = (event: string | null, response: string | null, variant: string | undefined) => {
      if (response === null) return t('desk.quietTurn');
      const card = scenario?.events.find((e) => e.id === event) ?? bundles[r.scenarioId]?.shared.events.find((e) => e.id === event);
      return plain(card && cardVersion(card, variant).responses.find((x) => x.id === response)?.label) || response;
    };
    const gain = teamGain(r, questions);
    return [
      r.team,
      r.players ?? 1,
      r.players ? 'yes' : 'no',
      r.scenarioId,
      plain(scenario?.title),
      (r.session.match(/.{1,4}/g) ?? []).join('-'),
      r.seed,
      r.ending,
      ending ? plain(ending.title) : '',
      ending ? t(`ending.tone.${ending.tone}`) : '',
      r.metrics.debt,
      r.metrics.dataExposure,
      r.metrics.backlash,
      r.metrics.publicSafety,
      r.metrics.sovereignty,
      r.metrics.standing,
      ...choiceCells,
      r.turns.map((x) => x.response ?? '-').join('; '),
      r.turns.map((x) => responseLabel(x.event, x.response, x.variant)).join('; '),
      share(gain?.before),
      share(gain?.after),
      gain ? gain.gainPp.toFixed(1) : '',
      ...questions.flatMap((q) => [r.knowledge?.before[q.id] ?? '', r.knowledge?.after[q.id] ?? '']),
      r.code,
    ]
      .map(csvCell)
      .join(',');
  });
  return BOM + [header.map(csvCell).join(','), ...lines].join('\r\n') + '\r\n';
}
