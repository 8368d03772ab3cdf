import { fmt, t } from '../../text/i18n.ts';
import type { ScenarioSummary } from '../../app/catalog.ts';
import type { MapCity, MapPin } from '../../app/stage-view.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { plain, text, tip } from '../widgets.ts';

/** One numbered pin per scenario at its place (the stage fans out pins that share a place). */
export function mapPins(scenarios: readonly ScenarioSummary[]): MapPin[] {
  return scenarios.map((s, i) => ({ id: s.id, lat: s.place.lat, lon: s.place.lon, country: s.place.country, mark: String(i + 1) }));
}

/** The named places of the scenarios, once each (a scenario whose sources name no city adds none). */
export function mapCities(scenarios: readonly ScenarioSummary[]): MapCity[] {
  const cities = new Map<string, MapCity>();
  for (const s of scenarios) {
    const name = plain(s.place.city);
    if (name && !cities.has(name)) cities.set(name, { name, lat: s.place.lat, lon: s.place.lon });
  }
  return [...cities.values()];
}

function placeName(s: ScenarioSummary): string {
  const country = t(`map.country.${s.place.country.toLowerCase()}`);
  return s.place.city ? `${plain(s.place.city)}, ${country}` : country;
}

export function mapScreen(ui: UiContext, selected: string | null, onSelect: (id: string) => void, notices: readonly string[]): Screen {
  const list = h(
    'ul',
    { class: 'scenario-list', 'data-arrow-group': '' },
    ...ui.catalog.map((s, i) => {
      const open = button(plain(s.title), () => ui.send({ type: 'scenario.start', id: s.id }), {
        class: s.id === selected ? 'scenario-button is-selected' : 'scenario-button',
        'data-scenario': s.id,
      });
      open.addEventListener('focus', () => onSelect(s.id));
      open.addEventListener('mouseenter', () => onSelect(s.id));
      return h(
        'li',
        {},
        h('div', { class: 'scenario-head' }, h('span', { class: 'pin-mark', 'aria-hidden': 'true' }, String(i + 1)), open),
        h('p', { class: 'meta' }, t('map.scenarioMeta', { place: placeName(s), years: fmt.years(s.years.start, s.years.end), turns: s.turns })),
        text('p', s.teaser, { class: 'teaser' }),
      );
    }),
  );
  const chosen = ui.catalog.find((s) => s.id === selected);
  return {
    name: 'map',
    body: [
      h('h1', { tabindex: '-1' }, t('map.title')),
      ...notices.map((n) => h('p', { class: 'notice', role: 'alert' }, n)),
      h('p', {}, t('map.intro')),
      tip(ui.settings.tips, 'map', () => ui.send({ type: 'settings.update', patch: { tips: false } })) ?? h('span'),
      list,
      h('p', { class: 'note' }, t('map.mapNote')),
    ],
    stage: {
      scene: 'map',
      pins: mapPins(ui.catalog),
      cities: mapCities(ui.catalog),
      selected,
      ...(chosen ? { selectedCaption: plain(chosen.title) } : {}),
      countryNames: Object.fromEntries(['KG', 'KZ', 'UZ', 'TJ', 'TM'].map((c) => [c, t(`map.country.${c.toLowerCase()}`)])),
    },
    stageDescription: t('stage.map', { selected: chosen ? `${plain(chosen.title)} (${placeName(chosen)})` : t('stage.noneSelected') }),
  };
}
