// npx tsx tools/make-map.ts — cuts the map the game draws out of Natural
// Earth's 1:50m countries (world-atlas): the five Central Asian states and
// every neighbour whose outline reaches the map frame, as a smaller TopoJSON
// with the unused arcs dropped. The output, assets/map/central-asia.topo.json,
// is committed; the game decodes it with topojson-client and projects it with
// d3-geo. Natural Earth is in the public domain.
import { readFileSync, writeFileSync } from 'node:fs';
import { geoBounds } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const FRAME = { west: 44, east: 94, south: 30, north: 58 };
const source = JSON.parse(readFileSync('node_modules/world-atlas/countries-50m.json', 'utf8')) as Topology<{
  countries: GeometryCollection<{ name: string }>;
}>;
const countries = source.objects.countries;

const keep = countries.geometries.filter((g) => {
  const [[w, s], [e, n]] = geoBounds(feature(source, g) as never);
  const crossesDateLine = w > e;
  // Outlines that cross the date line (Russia; overseas territories) have useless bounds: Russia is kept by name.
  if (crossesDateLine) return (g.properties as { name?: string } | undefined)?.name === 'Russia';
  return e >= FRAME.west && w <= FRAME.east && n >= FRAME.south && s <= FRAME.north;
});

// Re-index the arcs the kept geometries use (a negative index ~i means arc i reversed).
const remap = new Map<number, number>();
const arcs: typeof source.arcs = [];
const mapArc = (i: number) => {
  const j = i < 0 ? ~i : i;
  if (!remap.has(j)) {
    remap.set(j, arcs.length);
    arcs.push(source.arcs[j]!);
  }
  const k = remap.get(j)!;
  return i < 0 ? ~k : k;
};
const walk = (x: unknown): unknown => (Array.isArray(x) ? x.map((y) => (typeof y === 'number' ? mapArc(y) : walk(y))) : x);
const geometries = keep.map((g) => ({ ...g, arcs: walk((g as { arcs: unknown }).arcs) }));

const out = {
  type: 'Topology',
  transform: source.transform,
  objects: { countries: { type: 'GeometryCollection', geometries } },
  arcs,
};
writeFileSync('assets/map/central-asia.topo.json', JSON.stringify(out));
console.log(`kept ${geometries.length} countries: ${keep.map((g) => (g.properties as { name?: string } | undefined)?.name).join(', ')}; ${arcs.length} of ${source.arcs.length} arcs`);
