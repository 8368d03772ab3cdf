// Central Asia from Natural Earth (world-atlas 50m), projected with d3-geo
// onto the stage. Shared by the map scene and the DOM (pin positions).
import { geoCentroid, geoConicEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';

/** ISO 3166 numeric codes of the five Central Asian states. */
export const CENTRAL_ASIA: Record<string, string> = { '417': 'KG', '398': 'KZ', '860': 'UZ', '762': 'TJ', '795': 'TM' };

const FRAME: Feature = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [[[50, 35], [50, 55.5], [88, 55.5], [88, 35], [50, 35]]],
  },
};

export function centralAsiaProjection(width: number, height: number, pad = 24): GeoProjection {
  return geoConicEqualArea()
    .parallels([38, 50])
    .rotate([-69, 0])
    .fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      FRAME,
    );
}

export interface CountryShape {
  id: string;
  /** Where to write the name (the projected centroid), for the five states. */
  label: { x: number; y: number } | null;
  /** ISO alpha-2 for the five states, or null for neighbours. */
  code: string | null;
  rings: { x: number; y: number }[][];
}

export function countryFeatures(topology: unknown): Feature<Geometry, { name: string }>[] {
  const topo = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
}

/** Projected, clipped outlines of every country that shows in the frame. */
export function projectCountries(features: Feature<Geometry, { name: string }>[], width: number, height: number): CountryShape[] {
  const projection = centralAsiaProjection(width, height).clipExtent([
    [0, 0],
    [width, height],
  ]);
  const shapes: CountryShape[] = [];
  for (const f of features) {
    const rings: { x: number; y: number }[][] = [];
    let ring: { x: number; y: number }[] = [];
    const context = {
      moveTo(x: number, y: number) {
        if (ring.length > 2) rings.push(ring);
        ring = [{ x, y }];
      },
      lineTo(x: number, y: number) {
        ring.push({ x, y });
      },
      closePath() {
        if (ring.length > 2) rings.push(ring);
        ring = [];
      },
      arc() {},
      rect() {},
    };
    geoPath(projection, context as never)(f);
    if (ring.length > 2) rings.push(ring);
    const code = CENTRAL_ASIA[String(f.id)] ?? null;
    const at = code ? projection(geoCentroid(f)) : null;
    if (rings.length > 0) shapes.push({ id: String(f.id), code, rings, label: at ? { x: at[0], y: at[1] } : null });
  }
  return shapes;
}
