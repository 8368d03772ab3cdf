// Schema and cross-reference checks, driven by deliberately broken copies of
// the mini fixture. Every broken file must produce exact, one-line problems of
// the form `file: json.path: what was expected`, and loadContent never throws.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadContent, type ContentFile, type ContentReport } from './validate.ts';

const FIXTURE_DIR = new URL('../../tests/fixtures/mini/', import.meta.url);
const NAMES = ['sources.json', 'shared-events.json', 'glossary.json', 'mini.json'] as const;
type FixtureName = (typeof NAMES)[number];

const SOURCES = 'tests/fixtures/mini/sources.json';
const SHARED = 'tests/fixtures/mini/shared-events.json';
const MINI = 'tests/fixtures/mini/mini.json';

const TEXTS: Record<FixtureName, string> = Object.fromEntries(
  NAMES.map((name) => [name, readFileSync(new URL(name, FIXTURE_DIR), 'utf8')]),
) as Record<FixtureName, string>;

function fixture(): ContentFile[] {
  return NAMES.map((name) => ({ path: `tests/fixtures/mini/${name}`, text: TEXTS[name] }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The fixture with one file's parsed JSON changed in memory. */
function mutated(name: FixtureName, change: (data: Json) => void, files = fixture()): ContentFile[] {
  return files.map((f) => {
    if (f.path !== `tests/fixtures/mini/${name}`) return f;
    const data = JSON.parse(f.text) as Json;
    change(data);
    return { ...f, text: JSON.stringify(data, null, 1) };
  });
}

/** Load without throwing; return the report and its formatted lines. */
function check(files: readonly ContentFile[]): { report: ContentReport; lines: string[] } {
  let report: ContentReport | undefined;
  expect(() => {
    report = loadContent(files);
  }).not.toThrow();
  const lines = report!.problems.map(formatProblem);
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  return { report: report!, lines };
}

/** Exactly one problem, at `file: path: `, whose expectation matches `expected`. */
function expectSingleProblem(files: readonly ContentFile[], file: string, path: string, expected: RegExp) {
  const { report, lines } = check(files);
  expect(lines, lines.join('\n')).toHaveLength(1);
  expect(report.bundle).toBeNull();
  const line = lines[0]!;
  expect(line.startsWith(`${file}: ${path}: `)).toBe(true);
  const expectation = line.slice(`${file}: ${path}: `.length);
  expect(expectation).toMatch(expected);
  expect(report.problems[0]).toMatchObject({ file, path });
  return line;
}

describe('loadContent on the mini fixture', () => {
  it('loads the valid fixture with zero problems', () => {
    const { report, lines } = check(fixture());
    expect(lines).toEqual([]);
    expect(report.bundle).not.toBeNull();
    expect(report.bundle!.scenarios.map((s) => s.id)).toEqual(['mini']);
    expect(report.bundle!.shared.events.map((e) => e.id)).toEqual(['shared-audit']);
    expect(report.bundle!.registry.sources.length).toBeGreaterThan(0);
  });

  it('applies schema defaults to the loaded scenario', () => {
    const scenario = check(fixture()).report.bundle!.scenarios[0]!;
    const gift = scenario.decisions[1]!.options[0]!;
    expect(gift.effects).toEqual([]);
    expect(gift.flags).toEqual([]);
    expect(gift.hypothetical).toBe(false);
    expect(scenario.decisions[0]!.multi).toBe(false);
    expect(scenario.excludeSharedEvents).toEqual([]);
  });

  it('still loads the fixture after a JSON round trip with different whitespace', () => {
    const { lines } = check(mutated('mini.json', () => {}));
    expect(lines).toEqual([]);
  });
});

describe('schema problems', () => {
  it('reports invalid JSON at $ with the parser message, without throwing', () => {
    const files = fixture().map((f) => (f.path === MINI ? { ...f, text: f.text.replace('"turns": 3,', '"turns": 3,,') } : f));
    expect(files.find((f) => f.path === MINI)!.text).not.toBe(TEXTS['mini.json']);
    expectSingleProblem(files, MINI, '$', /^valid JSON \(.+\)$/);
  });

  it('reports truncated JSON in the source registry', () => {
    const files = fixture().map((f) => (f.path === SOURCES ? { ...f, text: f.text.slice(0, 40) } : f));
    const { report, lines } = check(files);
    expect(report.bundle).toBeNull();
    expect(lines[0]).toMatch(new RegExp(`^${SOURCES}: \\$: valid JSON \\(.+\\)$`));
  });

  it('reports a missing required field at its path', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => delete d.turns),
      MINI,
      '$.turns',
      /^a required field \(expected number\)$/,
    );
  });

  it('reports a missing required field nested in an option', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => delete d.decisions[2].options[1].label),
      MINI,
      '$.decisions[2].options[1].label',
      /^a required field \(expected object\)$/,
    );
  });

  it('reports a wrong type at its path', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.turns = '3')),
      MINI,
      '$.turns',
      /expected number, received string/,
    );
  });

  it('reports a wrong type deep inside an event response effect', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.events[1].responses[1].effects[0].delta = 'ten')),
      MINI,
      '$.events[1].responses[1].effects[0].delta',
      /expected number, received string/,
    );
  });

  it('reports an unknown field, naming it', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.decisions[0].colour = 'red')),
      MINI,
      '$.decisions[0]',
      /^no unknown fields \(found "colour"\)$/,
    );
  });

  it('reports an unknown tag, listing the allowed tags', () => {
    const line = expectSingleProblem(
      mutated('mini.json', (d) => (d.decisions[1].options[0].tags[0] = 'backdoor')),
      MINI,
      '$.decisions[1].options[0].tags[0]',
      /expected one of/,
    );
    expect(line).toContain('"remote-access"');
    expect(line).toContain('"safeguard:key-custody"');
  });

  it('reports an unknown metric in an effect', () => {
    const line = expectSingleProblem(
      mutated('mini.json', (d) => (d.decisions[1].options[0].perTurn[0].metric = 'happiness')),
      MINI,
      '$.decisions[1].options[0].perTurn[0].metric',
      /expected one of/,
    );
    expect(line).toContain('"dataExposure"');
  });

  it('reports a malformed source id by its expected shape', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.decisions[1].options[0].sources[0] = 'X1')),
      MINI,
      '$.decisions[1].options[0].sources[0]',
      /a source id such as "S4" or a fact id such as "F010"/,
    );
  });

  it('reports a malformed condition with an example of a valid one', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.events[0].when = { tag: 'remote-access', metric: 'debt' })),
      MINI,
      '$.events[0].when',
      /a valid condition/,
    );
  });

  it('reports a non-object scenario file at $', () => {
    const files = fixture().map((f) => (f.path === MINI ? { ...f, text: '[]' } : f));
    expectSingleProblem(files, MINI, '$', /expected object, received array/);
  });
});

describe('cross-reference problems', () => {
  it('reports an unknown fact id in a nested sources array', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.decisions[1].options[0].sources[0] = 'F999')),
      MINI,
      '$.decisions[1].options[0].sources[0]',
      /^a source or fact id listed in .*sources\.json \(got "F999"\)$/,
    );
  });

  it('reports an unknown source id in an event response and in the briefing', () => {
    const { lines } = check(
      mutated('mini.json', (d) => {
        d.events[1].responses[0].sources = ['S1', 'S77'];
        d.briefing.sources.push('F404');
      }),
    );
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/mini\/mini\.json: \$\.events\[1\]\.responses\[0\]\.sources\[1\]: .*\(got "S77"\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^tests\/fixtures\/mini\/mini\.json: \$\.briefing\.sources\[1\]: .*\(got "F404"\)$/));
  });

  it('reports an unknown source id in a shared event against the shared file', () => {
    expectSingleProblem(
      mutated('shared-events.json', (d) => (d.events[0].sources = ['F998'])),
      SHARED,
      '$.events[0].sources[0]',
      /\(got "F998"\)$/,
    );
  });

  it('reports a "chose" condition naming an unknown decision', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.decisions[1].options[0].requires = { chose: 'nope.cn-free' })),
      MINI,
      '$.decisions[1].options[0].requires.chose',
      /^a decision id of this scenario \(got "nope"\)$/,
    );
  });

  it('reports a "chose" condition naming an unknown option of a known decision', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.decisions[1].options[0].requires = { chose: 'vendor.nope' })),
      MINI,
      '$.decisions[1].options[0].requires.chose',
      /^an option of decision "vendor" \(got "nope"\)$/,
    );
  });

  it('reports a "responded" condition naming an unknown event, inside an "any"', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.endings[1].when = { any: [d.endings[1].when, { responded: 'nope.allow' }] })),
      MINI,
      '$.endings[1].when.any[1].responded',
      /^an event id \(got "nope"\)$/,
    );
  });

  it('reports a "responded" condition naming an unknown response of a known event', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.endings[2].when = { responded: 'ports.nope' })),
      MINI,
      '$.endings[2].when.responded',
      /^a response of event "ports" \(got "nope"\)$/,
    );
  });

  it('accepts a "responded" condition on a shared event from a scenario', () => {
    const { lines } = check(mutated('mini.json', (d) => (d.endings[2].when = { responded: 'shared-audit.ignore' })));
    expect(lines).toEqual([]);
  });

  it('reports a "seen" condition naming an unknown event', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.events[1].when = { seen: 'nope' })),
      MINI,
      '$.events[1].when.seen',
      /^an event id \(got "nope"\)$/,
    );
  });

  it('reports a flag condition that no option or response sets', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.events[2].when.all[1].not.flag = 'nobody-sets')),
      MINI,
      '$.events[2].when.all[1].not.flag',
      /no option or response sets "nobody-sets"/,
    );
  });

  it('reports an undeclared assumption id', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.fiscal.assumptions = ['nope'])),
      MINI,
      '$.fiscal.assumptions[0]',
      /^an assumption id declared in this scenario's "assumptions" \(got "nope"\)$/,
    );
  });

  it('reports an undeclared assumption id on a vendor profile', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => d.decisions[0].options[1].vendor.assumptions.push('made-up')),
      MINI,
      '$.decisions[0].options[1].vendor.assumptions[1]',
      /\(got "made-up"\)$/,
    );
  });

  it('reports duplicate option ids within a decision', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.decisions[1].options[2].id = 'loan')),
      MINI,
      '$.decisions[1].options',
      /^unique option ids \("loan" appears twice\)$/,
    );
  });

  it('reports a scenario event that duplicates a shared event id', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => {
        d.events[2].id = 'shared-audit';
        delete d.historical.responses.leak; // the row for the renamed event goes with it
      }),
      MINI,
      '$',
      /unique event ids .*"shared-audit"/,
    );
  });

  it('reports a historical choice naming an unknown option', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.historical.choices.vendor.options = 'nope')),
      MINI,
      '$.historical.choices.vendor.options',
      /^an option of decision "vendor" \(got "nope"\)$/,
    );
  });

  it('reports a historical choice missing for a decision', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => delete d.historical.choices.financing),
      MINI,
      '$.historical.choices',
      /^a historical choice for decision "financing"$/,
    );
  });

  it('reports a historical choice for a decision that does not exist', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.historical.choices.procurement = { options: 'tender', status: 'documented', facts: ['F001'] })),
      MINI,
      '$.historical.choices.procurement',
      /^a decision id of this scenario \(got "procurement"\)$/,
    );
  });

  it('reports a historical choice the game would not allow at that point (an unmet "requires")', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.historical.choices.vendor = { options: 'domestic', status: 'stand-in', note: { en: 'x', ru: 'x' } })),
      MINI,
      '$.historical.choices.financing.options',
      /^a choice the game allows at that point \(option "gift" is not available with the choices made so far\)$/,
    );
  });

  it('reports a historical multi-select choice that repeats an option', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.historical.choices.safeguards.options = ['publish', 'publish'])),
      MINI,
      '$.historical.choices.safeguards.options',
      /^a choice the game allows at that point \(an option is chosen twice\)$/,
    );
  });

  it('reports a historical multi-select choice above the decision maximum', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => {
        d.decisions[2].max = 1;
        d.historical.choices.safeguards.options = ['publish', 'keys'];
      }),
      MINI,
      '$.historical.choices.safeguards.options',
      /^a choice the game allows at that point \(between 0 and 1 options must be chosen\)$/,
    );
  });

  it('reports a knowledge-check answer that is not one of its choices', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => {
        d.knowledgeCheck = [
          {
            id: 'q1',
            question: { en: 'Q?', ru: 'В?' },
            choices: [
              { id: 'a', text: { en: 'A', ru: 'А' } },
              { id: 'b', text: { en: 'B', ru: 'Б' } },
            ],
            answer: 'c',
            explanation: { en: 'Because.', ru: 'Потому что.' },
            sources: ['F001'],
          },
        ];
      }),
      MINI,
      '$.knowledgeCheck[0].answer',
      /^the id of one of the question's choices \(got "c"\)$/,
    );
  });

  it('accepts text in a further language by its code, and names a key that is not a language code', () => {
    const { lines } = check(mutated('mini.json', (d) => (d.title.kk = 'Қауіпсіз қала')));
    expect(lines).toEqual([]);
    expectSingleProblem(mutated('mini.json', (d) => (d.title.English = 'x')), MINI, '$.title.English', /^a language code such as "kk" or "uz" \(got "English"\)$/);
  });

  it('reports an excluded shared event that does not exist', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.excludeSharedEvents = ['shared-audit', 'no-such-event'])),
      MINI,
      '$.excludeSharedEvents[1]',
      /^an event id from scenarios\/shared-events.json \(got "no-such-event"\)$/,
    );
  });

  it('says "a required field" for a missing field, without zod\'s prefixes', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => delete d.title),
      MINI,
      '$.title',
      /^a required field \(expected object\)$/,
    );
    const line = expectSingleProblem(
      mutated('mini.json', (d) => (d.decisions[0].kind = 'supplier')),
      MINI,
      '$.decisions[0].kind',
      /^expected one of/,
    );
    expect(line).not.toMatch(/Invalid/);
  });

  it('reports a glossary "see" that names no term, and a glossary term without Russian', () => {
    expectSingleProblem(
      mutated('glossary.json', (d) => (d.terms[0].see = ['loan', 'no-such-term'])),
      'tests/fixtures/mini/glossary.json',
      '$.terms[0].see[1]',
      /^a term id of this glossary \(got "no-such-term"\)$/,
    );
    expectSingleProblem(
      mutated('glossary.json', (d) => delete d.terms[1].definition.ru),
      'tests/fixtures/mini/glossary.json',
      '$.terms[1].definition',
      /Russian/,
    );
  });

  it('reports a multi-select historical choice over the decision budget, with both numbers', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.historical.choices.safeguards.options = ['keys', 'office'])),
      MINI,
      '$.historical.choices.safeguards.options',
      /^options within the budget of 3 \(they cost 4\)$/,
    );
  });

  it('reports a single option id given for a multi-select historical choice', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.historical.choices.safeguards.options = 'publish')),
      MINI,
      '$.historical.choices.safeguards.options',
      /an array of option ids/,
    );
  });

  it('reports a historical response naming an unknown response', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.historical.responses.ports.response = 'shrug')),
      MINI,
      '$.historical.responses.ports.response',
      /^a response of event "ports" \(got "shrug"\)$/,
    );
  });

  it('reports a condition on the last regular ending', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => (d.endings[3].when = { metric: 'debt', lt: 5 })),
      MINI,
      '$.endings[3].when',
      /no condition on the last regular ending/,
    );
  });

  it('reports an unconditional regular ending that is not the last', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => delete d.endings[1].when),
      MINI,
      '$.endings[1].when',
      /only the last regular ending may be unconditional/,
    );
  });

  it('reports a vendor option without a vendor profile', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => delete d.decisions[0].options[1].vendor),
      MINI,
      '$.decisions[0].options[1]',
      /^a "vendor" profile .* on every vendor option$/,
    );
  });

  it('reports a loan-tagged option without loan terms', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => delete d.decisions[1].options[1].loan),
      MINI,
      '$.decisions[1].options[1]',
      /^loan terms \("loan"\) on an option tagged loan or commodity-backed$/,
    );
  });

  it('reports a missing Russian translation at the text object', () => {
    expectSingleProblem(
      mutated('mini.json', (d) => delete d.decisions[2].options[1].summary.ru),
      MINI,
      '$.decisions[2].options[1].summary',
      /^a Russian translation \("ru"\) beside the English text$/,
    );
  });

  it('reports a missing Russian translation in the shared deck', () => {
    expectSingleProblem(
      mutated('shared-events.json', (d) => delete d.events[0].responses[1].label.ru),
      SHARED,
      '$.events[0].responses[1].label',
      /Russian translation/,
    );
  });

  it('reports a shared event that uses a "chose" condition', () => {
    expectSingleProblem(
      mutated('shared-events.json', (d) => (d.events[0].when = { all: [{ tag: 'loan' }, { chose: 'vendor.cn-free' }] })),
      SHARED,
      '$.events[0].when.all[1].chose',
      /shared events cannot name a scenario's decisions/,
    );
  });

  it('reports a scenario file whose name does not match its id', () => {
    const files = fixture().map((f) => (f.path === MINI ? { ...f, path: 'tests/fixtures/mini/other.json' } : f));
    expectSingleProblem(files, 'tests/fixtures/mini/other.json', '$.id', /the file name to match the id \("mini\.json"\)/);
  });

  it('reports a fact whose source is not in the registry', () => {
    expectSingleProblem(
      mutated('sources.json', (d) => (d.facts[0].source = 'S42')),
      SOURCES,
      '$.facts[0].source',
      /\(got "S42"\)$/,
    );
  });

  it('reports missing registry and shared deck files', () => {
    const { report, lines } = check(fixture().filter((f) => f.path === MINI));
    expect(report.bundle).toBeNull();
    expect(lines.some((l) => /sources\.json: \$: /.test(l))).toBe(true);
    expect(lines.some((l) => /shared-events\.json: \$: /.test(l))).toBe(true);
  });
});

describe('several problems at once', () => {
  it('reports every problem, one line each, across files', () => {
    let files = mutated('mini.json', (d) => {
      d.decisions[1].options[0].sources[0] = 'F999'; // unknown fact
      d.decisions[1].options[0].requires = { chose: 'vendor.nope' }; // unknown option
      d.historical.choices.vendor.options = 'nope'; // unknown historical option
      delete d.decisions[0].options[1].vendor; // vendor option without profile
      delete d.title.ru; // missing translation
    });
    files = mutated('shared-events.json', (d) => (d.events[0].when = { chose: 'vendor.cn-free' }), files);
    const { report, lines } = check(files);
    expect(report.bundle).toBeNull();
    const expectedPrefixes = [
      `${MINI}: $.decisions[1].options[0].sources[0]: `,
      `${MINI}: $.decisions[1].options[0].requires.chose: `,
      `${MINI}: $.historical.choices.vendor.options: `,
      `${MINI}: $.decisions[0].options[1]: `,
      `${MINI}: $.title: `,
      `${SHARED}: $.events[0].when.chose: `,
    ];
    expect(lines).toHaveLength(expectedPrefixes.length);
    for (const prefix of expectedPrefixes) {
      expect(lines.filter((l) => l.startsWith(prefix)), prefix).toHaveLength(1);
    }
    const text = lines.join('\n');
    expect(text.split('\n')).toHaveLength(expectedPrefixes.length);
  });

  it('reports schema problems in one file and cross-reference problems in another together', () => {
    let files = mutated('mini.json', (d) => {
      d.turns = 'three';
      d.decisions[0].extra = true;
    });
    files = mutated('shared-events.json', (d) => (d.events[0].sources = ['F998']), files);
    const { lines } = check(files);
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith(`${MINI}: $.turns: `))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith(`${MINI}: $.decisions[0]: no unknown fields`))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith(`${SHARED}: $.events[0].sources[0]: `))).toHaveLength(1);
  });
});
