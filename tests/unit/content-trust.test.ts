// The checks that keep the content trustworthy (issue 13), each driven by a
// deliberately broken copy of the mini fixture: a historical row marked
// documented without a fact that supports it, a citation published after the
// year the element is set in, vendor tags that disagree with the vendor
// profile, and a historical-path event that can never arrive. Each test must
// fail if its rule is taken out of scenarios:check.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadContent, type ContentFile } from '../../src/engine/validate.ts';
import {
  earliestTurnOnAnyPath,
  historicalRows,
  compileScenario,
  runScenario,
  standInForOption,
  standInForResponse,
  standInOnlyTags,
  turnsEventCanArrive,
} from '../../src/engine/index.ts';
import { Option } from '../../src/engine/schema.ts';
import { readContentFiles } from '../../tools/content-files.ts';
import { fixtureContent, realContent, ROOT } from '../support/content.ts';

const DIR = 'tests/fixtures/mini/';
const NAMES = ['sources.json', 'shared-events.json', 'glossary.json', 'mini.json'] as const;
type FixtureName = (typeof NAMES)[number];
const MINI = `${DIR}mini.json`;
const SHARED = `${DIR}shared-events.json`;
const TEXTS = Object.fromEntries(NAMES.map((n) => [n, readFileSync(new URL(`../../${DIR}${n}`, import.meta.url), 'utf8')])) as Record<FixtureName, string>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function files(changes: Partial<Record<FixtureName, (d: Json) => void>> = {}): ContentFile[] {
  return NAMES.map((name) => {
    const change = changes[name];
    if (!change) return { path: `${DIR}${name}`, text: TEXTS[name] };
    const data = JSON.parse(TEXTS[name]) as Json;
    change(data);
    return { path: `${DIR}${name}`, text: JSON.stringify(data, null, 1) };
  });
}

function problems(changes: Partial<Record<FixtureName, (d: Json) => void>>): string[] {
  return loadContent(files(changes)).problems.map(formatProblem);
}

const note = { en: 'Not documented.', ru: 'Не задокументировано.' };

describe('the fixture itself', () => {
  it('loads with no problems, so every problem below comes from its one change', () => {
    expect(problems({})).toEqual([]);
  });
});

describe('(a) a historical row marked documented needs a fact that supports it', () => {
  it('rejects a documented row that lists no fact, and a stand-in without a note', () => {
    const lines = problems({
      'mini.json': (d) => {
        d.historical.choices.financing = { options: 'gift', status: 'documented', facts: [] };
        d.historical.responses.ports = { response: 'allow', status: 'stand-in' };
      },
    });
    expect(lines).toEqual([
      `${MINI}: $.historical.choices.financing.facts: at least one fact that documents this row`,
      `${MINI}: $.historical.responses.ports.note: a required field (expected object)`,
    ]);
  });

  it('rejects a documented row whose fact does not exist', () => {
    const lines = problems({ 'mini.json': (d) => (d.historical.choices.vendor.facts = ['F999']) });
    expect(lines).toContain(`${MINI}: $.historical.choices.vendor.facts[0]: a fact id listed in scenarios/sources.json (got "F999")`);
  });

  it('rejects a documented choice resting on a fact about another country', () => {
    const lines = problems({
      'sources.json': (d) => (d.facts[0].place = 'Ecuador – Quito'),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tests\/fixtures\/mini\/mini\.json: \$\.historical\.choices\.vendor\.facts: a fact about Kyrgyzstan tagged vendor or procurement that option "cn-free" itself cites/);
  });

  it('rejects a documented choice whose fact has no theme of the decision (a vendor fact cannot document the financing)', () => {
    const lines = problems({
      'sources.json': (d) => (d.facts[0].tags = ['vendor']),
      'mini.json': (d) => {
        d.decisions[1].options[0].sources = ['F001'];
        d.historical.choices.financing = { options: 'gift', status: 'documented', facts: ['F001'] };
      },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('$.historical.choices.financing.facts: a fact about Kyrgyzstan tagged financing or free-equipment or debt');
  });

  it('rejects a documented choice whose fact the option itself does not cite', () => {
    const lines = problems({
      'mini.json': (d) => (d.historical.choices.financing = { options: 'gift', status: 'documented', facts: ['F001'] }),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('that option "gift" itself cites');
  });

  it('accepts the same row once the option cites the supporting fact', () => {
    const lines = problems({
      'mini.json': (d) => {
        d.decisions[1].options[0].sources = ['F001'];
        d.historical.choices.financing = { options: 'gift', status: 'documented', facts: ['F001'] };
      },
    });
    expect(lines).toEqual([]);
  });

  it('rejects a documented response whose fact is about another country, and accepts one the event cites about this country', () => {
    const bad = problems({ 'mini.json': (d) => (d.historical.responses.protest = { response: 'fine', status: 'documented', facts: ['F002'] }) });
    expect(bad).toHaveLength(1);
    expect(bad[0]).toContain(`${MINI}: $.historical.responses.protest.facts: a fact about Kyrgyzstan, cited by the event or by response "fine"`);
    const good = problems({ 'mini.json': (d) => (d.historical.responses.ports = { response: 'allow', status: 'documented', facts: ['F001'] }) });
    expect(good).toEqual([]);
  });
});

describe('(b) no citation later than the year the element is set in', () => {
  const later = (d: Json) => {
    d.facts[2].known = { year: 2021, basis: 'published in 2021' }; // F003, cited by every financing option
  };

  it('reports a decision (set in the first year, 2019) that cites a fact public only from 2021', () => {
    const lines = problems({ 'sources.json': later });
    expect(lines).toContain(
      `${MINI}: $.decisions[1].options[0].sources[0]: no citation published after the element's year 2019: "F003" was public only from 2021 (published in 2021); cite what was known then, or say in the text that it looks back and list it under "hindsight" with a reason`,
    );
    expect(lines).toHaveLength(3); // the three financing options
  });

  it('dates a document by its publication date', () => {
    const lines = problems({
      'sources.json': (d) => (d.sources[0].published = '2021-03-01'),
      'mini.json': (d) => (d.briefing.sources = ['S0']),
    });
    expect(lines).toEqual([expect.stringContaining(`${MINI}: $.briefing.sources[0]: no citation published after the element's year 2019: "S0" was public only from 2021`)]);
  });

  it('dates an event by the first turn it can arrive: the same citation is fine in a turn-3 event', () => {
    const lines = problems({
      'sources.json': (d) => d.facts.push({ ...d.facts[1], id: 'F006', known: { year: 2021, basis: 'x' } }),
      'mini.json': (d) => {
        d.events[1].when = { turn: { gte: 3 } };
        d.events[1].sources = ['F006'];
        d.events[2].sources = ['F006'];
      },
    });
    // "protest" is now set in 2021 (turn 3); "leak" can arrive from turn 1 (2019).
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${MINI}: $.events[2].sources[0]`);
  });

  it('accepts a late citation listed as hindsight, and rejects an exception that excuses nothing', () => {
    const excused = problems({
      'sources.json': later,
      'mini.json': (d) => (d.hindsight = [{ path: '$.decisions[1]', sources: ['F003'], reason: 'The option text says it looks back from 2021.' }]),
    });
    expect(excused).toEqual([]);
    const stale = problems({
      'mini.json': (d) => (d.hindsight = [{ path: '$.decisions[1]', sources: ['F003'], reason: 'Nothing late is cited here.' }]),
    });
    expect(stale).toEqual([expect.stringContaining(`${MINI}: $.hindsight[0]: an exception that excuses a citation`)]);
  });

  it('reports a stale shared exception only when every scenario is loaded (the browser loads one at a time)', () => {
    const stale = { 'shared-events.json': (d: Json) => (d.hindsight = [{ path: '$.events[0]', sources: ['F001'], reason: 'Nothing late here.' }]) };
    const all = loadContent(files(stale), { allScenarios: true }).problems.map(formatProblem);
    expect(all).toEqual([expect.stringContaining(`${SHARED}: $.hindsight[0]: an exception that excuses a citation the check would report in some scenario`)]);
    expect(loadContent(files(stale)).problems).toEqual([]);
  });

  it('loads each real scenario on its own, as the browser does, without problems', () => {
    const content = readContentFiles(`${ROOT}scenarios`);
    const common = content.filter((f) => /(sources|shared-events|glossary)\.json$/.test(f.path));
    const scenarios = content.filter((f) => !common.includes(f));
    expect(scenarios.length).toBeGreaterThan(1);
    for (const s of scenarios) expect(loadContent([...common, s]).problems.map(formatProblem), s.path).toEqual([]);
  });

  it('checks shared events in each scenario that admits them, against the shared hindsight list', () => {
    const lines = problems({
      'sources.json': later,
      'shared-events.json': (d) => {
        delete d.events[0].when;
        d.events[0].sources = ['F003'];
      },
      'mini.json': (d) => {
        d.decisions[1].options.forEach((o: Json) => (o.sources = ['F001']));
        d.historical.responses['shared-audit'] = { response: 'ignore', status: 'stand-in', note };
      },
    });
    expect(lines).toEqual([expect.stringContaining(`${SHARED}: $.events[0].sources[0]: no citation published after the element's year 2019`)]);
  });
});

describe('(c) vendor tags and the vendor profile are one source of truth', () => {
  it('derives the vendor tags from the profile', () => {
    const mini = fixtureContent().scenarios[0]!;
    const kit = mini.decisions[0]!.options.find((o) => o.id === 'cn-free')!;
    expect(kit.tags).toEqual(expect.arrayContaining(['jurisdiction:cn', 'remote-access', 'sanctioned']));
    const home = mini.decisions[0]!.options.find((o) => o.id === 'domestic')!;
    expect(home.tags).toEqual(['jurisdiction:domestic']);
  });

  it('rejects a vendor tag written by hand on an option with a vendor profile, even one that agrees', () => {
    const lines = problems({ 'mini.json': (d) => (d.decisions[0].options[1].tags = ['sanctioned']) });
    expect(lines).toEqual([expect.stringContaining(`${MINI}: $.decisions[0].options[1].tags[0]: no vendor tag ("sanctioned") on an option with a vendor profile`)]);
  });

  it('requires the jurisdictions a "mixed" vendor combines, and derives one tag per jurisdiction', () => {
    const lines = problems({ 'mini.json': (d) => (d.decisions[0].options[1].vendor.jurisdiction = 'mixed') });
    expect(lines.some((l) => l.startsWith(`${MINI}: $.decisions[0].options[1].vendor.jurisdictions:`))).toBe(true);
    const option = Option.parse({
      id: 'integrator',
      label: { en: 'x' },
      summary: { en: 'x' },
      vendor: { name: { en: 'x' }, priceUsdM: 1, capability: 3, jurisdiction: 'mixed', jurisdictions: ['domestic', 'cn'], remoteAccess: true, sanctioned: true },
    });
    expect(option.tags).toEqual(['jurisdiction:cn', 'jurisdiction:domestic', 'remote-access', 'sanctioned']);
  });

  it('gives the Sergek/Dahua option of the capital scenario the sanctioned tag its profile states', () => {
    const s = realContent().scenarios.find((x) => x.id === 'smart-capital-sanctioned-hardware')!;
    for (const o of s.decisions.flatMap((d) => d.options).filter((o) => o.vendor)) {
      expect(o.tags.includes('sanctioned'), o.id).toBe(o.vendor!.sanctioned);
      expect(o.tags.includes('remote-access'), o.id).toBe(o.vendor!.remoteAccess);
    }
  });
});

describe('(d) every event the historical path names can arrive on it', () => {
  it('reports a row for an event whose "when" cannot hold on the historical choices', () => {
    const lines = problems({ 'mini.json': (d) => (d.events[0].when = { tag: 'jurisdiction:eu' }) });
    expect(lines).toEqual([
      `${MINI}: $.historical.responses.ports: an event that can arrive on the historical path: its "when" cannot hold with the historical choices in any of turns 1–3 (check the tags, options and flags it needs)`,
    ]);
  });

  it('reports a named response that cannot be offered on the historical path', () => {
    const lines = problems({ 'mini.json': (d) => (d.historical.responses.ports = { response: 'refer', status: 'stand-in', note }) });
    expect(lines).toEqual([expect.stringContaining(`${MINI}: $.historical.responses.ports.response: a response that can be offered on the historical path`)]);
  });

  it('reports an event that can arrive on the historical path but has no row', () => {
    const lines = problems({ 'mini.json': (d) => delete d.historical.responses.protest });
    expect(lines).toEqual([expect.stringContaining(`${MINI}: $.historical.responses: a row for event "protest", which can arrive on the historical path (turn 1 to 3)`)]);
  });

  it('reports a row for a shared event the scenario excludes', () => {
    const lines = problems({
      'mini.json': (d) => {
        d.excludeSharedEvents = ['shared-audit'];
        d.historical.responses['shared-audit'] = { response: 'ignore', status: 'stand-in', note };
      },
    });
    expect(lines).toEqual([expect.stringContaining(`${MINI}: $.historical.responses.shared-audit: an event this scenario admits`)]);
  });

  it('in the real scenarios, every event with a historical row is drawn on the historical path for some seed', { timeout: 120_000 }, () => {
    const bundle = realContent();
    for (const s of bundle.scenarios) {
      const c = compileScenario(s, bundle.shared);
      const seen = new Set<string>();
      for (let seed = 1; seed <= 150 && seen.size < Object.keys(s.historical.responses).length; seed++) {
        for (const r of runScenario(c, { seed, policy: 'historical' }).responses) seen.add(r.event);
      }
      const never = Object.keys(s.historical.responses).filter((id) => !seen.has(id));
      expect(never, `${s.id}: events with a historical row never drawn in 150 seeds`).toEqual([]);
    }
  });
});

describe('the history helper marks stand-ins', () => {
  const mini = fixtureContent();
  const c = compileScenario(mini.scenarios[0]!, mini.shared);

  it('lists every row with its status', () => {
    expect(historicalRows(c).map((r) => [r.kind, r.id, r.status])).toEqual([
      ['choice', 'vendor', 'documented'],
      ['choice', 'financing', 'stand-in'],
      ['choice', 'safeguards', 'stand-in'],
      ['response', 'ports', 'stand-in'],
      ['response', 'protest', 'stand-in'],
      ['response', 'leak', 'stand-in'],
    ]);
  });

  it('tells whether a historical option or response is a stand-in', () => {
    expect(standInForOption(c, 'vendor', 'cn-free')).toBeUndefined();
    expect(standInForOption(c, 'financing', 'gift')?.note?.en).toBe('The record does not say how the kit was paid for.');
    expect(standInForOption(c, 'financing', 'loan')).toBeUndefined(); // not on the historical path
    expect(standInForResponse(c, 'ports', 'allow')?.status).toBe('stand-in');
    expect(standInForResponse(c, 'ports', 'refuse')).toBeUndefined();
  });

  it('names the tags only stand-ins give the path (so rules acting through them are marked too)', () => {
    expect(standInOnlyTags(c)).toEqual(['grant', 'safeguard:transparency']);
  });

  it('evaluates when an event can arrive on the historical path and on any path', () => {
    const shared = c.eventById.get('shared-audit')!;
    expect(turnsEventCanArrive(c, shared)).toEqual([]); // needs a loan; the path takes the gift
    expect(earliestTurnOnAnyPath(c, shared)).toBe(1);
    expect(turnsEventCanArrive(c, c.eventById.get('ports')!)).toEqual([1, 2, 3]);
  });
});
