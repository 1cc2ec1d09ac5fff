/**
 * @module The board's overlay radar as inline SVG drawn here (no chart library, no request): one
 * polygon per target over the four headline scores and the JSON and tool-call rates. Pure.
 */
import { escapeXmlAttribute, escapeXmlText } from '../report/xml-escape.ts';
import type { BoardRow } from './board-document.ts';

interface RadarAxis {
  label: string;
  /** 0-100, or null when not judged (drawn at the centre and said so in the caption). */
  value(row: BoardRow): number | null;
}

const percent = (rate: number | null): number | null => (rate === null ? null : rate * 100);

export const RADAR_AXES: readonly RadarAxis[] = [
  { label: 'Agent Friendliness', value: (row) => row.headline.agentFriendliness.score },
  { label: 'Security', value: (row) => row.headline.security.score },
  { label: 'Reliability', value: (row) => row.headline.reliability.score },
  { label: 'Data Protection', value: (row) => row.headline.dataProtection.score },
  { label: 'JSON valid %', value: (row) => percent(row.jsonMode.validRate) },
  { label: 'Tool calls valid %', value: (row) => percent(row.toolCalls.validArgumentsRate) },
];

const SIZE = 420;
const CENTRE = SIZE / 2;
const RADIUS = 150;

/** A fixed palette; with many targets colours repeat, the legend and hover title tell them apart. */
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];

export function radarColour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

function point(axis: number, value: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * axis) / RADAR_AXES.length;
  const radius = (RADIUS * Math.max(0, Math.min(100, value))) / 100;
  return [CENTRE + radius * Math.cos(angle), CENTRE + radius * Math.sin(angle)];
}

function polygonPoints(values: readonly number[]): string {
  return values
    .map((value, axis) =>
      point(axis, value)
        .map((n) => n.toFixed(1))
        .join(','),
    )
    .join(' ');
}

function grid(): string {
  const rings = [25, 50, 75, 100]
    .map((level) => `<polygon class="radar-grid" points="${polygonPoints(RADAR_AXES.map(() => level))}"/>`)
    .join('');
  const spokes = RADAR_AXES.map((axis, index) => {
    const [x, y] = point(index, 100);
    const [labelX, labelY] = point(index, 118);
    const anchor = Math.abs(labelX - CENTRE) < 5 ? 'middle' : labelX > CENTRE ? 'start' : 'end';
    return `<line class="radar-grid" x1="${CENTRE}" y1="${CENTRE}" x2="${x.toFixed(1)}" y2="${y.toFixed(1)}"/><text x="${labelX.toFixed(1)}" y="${labelY.toFixed(1)}" text-anchor="${anchor}">${escapeXmlText(axis.label)}</text>`;
  }).join('');
  return rings + spokes;
}

/** The radar; each polygon carries `data-target` (row index) so the page's filter can hide it. */
export function renderRadarSvg(rows: readonly BoardRow[]): string {
  const polygons = rows
    .map((row, index) => {
      const values = RADAR_AXES.map((axis) => axis.value(row) ?? 0);
      const colour = radarColour(index);
      return `<polygon class="radar-target" data-target="${index}" points="${polygonPoints(values)}" fill="${colour}" stroke="${colour}"><title>${escapeXmlText(row.name)}</title></polygon>`;
    })
    .join('');
  return `<svg class="radar" viewBox="-60 0 ${SIZE + 120} ${SIZE}" role="img" aria-label="${escapeXmlAttribute('Overlay radar of the targets')}">${grid()}${polygons}</svg>`;
}
