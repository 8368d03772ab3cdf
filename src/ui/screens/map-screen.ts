import { fmt, t } from '../../app/i18n.ts';
import type { ScenarioSummary } from '../../catalog.ts';
import type { MapPin } from '../../stage/stage-view.ts';
import { button, h } from '../dom.ts';
import type { Screen, UiContext } from '../ui-context.ts';
import { plain, text, tip } from '../widgets.ts';

/** Pins for the scenarios; scenarios in the same place fan out a little so each can be clicked. */
export function mapPins(scenarios: readonly ScenarioSummary[]): MapPin[] {
  const seen = new Map<string, number>();
  return scenarios.map((s) => {
    const key = `${s.place.lat.toFixed(1)},${s.place.lon.toFixed(1)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const angle = n * 2.1;
    const r = n === 0 ? 0 : 0.9;
    return { id: s.id, lat: s.place.lat + r * Math.sin(angle), lon: s.place.lon + r * Math.cos(angle), country: s.place.country };
  });
}

function placeName(s: ScenarioSummary): string {
  const country = t(`map.country.${s.place.country.toLowerCase()}`);
  return s.place.city ? `${plain(s.place.city)}, ${country}` : country;
}

export function mapScreen(ui: UiContext, selected: string | null, onSelect: (id: string) => void, notices: readonly string[]): Screen {
  const list = h(
    'ul',
    { class: 'scenario-list', 'data-arrow-group': '' },
    ...ui.catalog.map((s) => {
      const open = button(plain(s.title), () => ui.startScenario(s.id), {
        class: s.id === selected ? 'scenario-button is-selected' : 'scenario-button',
        'data-scenario': s.id,
      });
      open.addEventListener('focus', () => onSelect(s.id));
      open.addEventListener('mouseenter', () => onSelect(s.id));
      return h(
        'li',
        {},
        open,
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
      tip(ui.settings.tips, 'map', () => ui.updateSettings({ tips: false })) ?? h('span'),
      list,
      h('p', { class: 'note' }, t('map.mapNote')),
    ],
    stage: {
      scene: 'map',
      pins: mapPins(ui.catalog),
      selected,
      countryNames: Object.fromEntries(['KG', 'KZ', 'UZ', 'TJ', 'TM'].map((c) => [c, t(`map.country.${c.toLowerCase()}`)])),
    },
    stageDescription: t('stage.map', { selected: chosen ? `${plain(chosen.title)} (${placeName(chosen)})` : t('stage.noneSelected') }),
  };
}
