/** @module Inline SVG icons for the HTML report (emoji fonts are missing on many servers and printers). */
import type { CategoryId } from '../spec/scorecard.ts';

const SPOKES = [0, 45, 90, 135, 180, 225, 270, 315]
  .map((degrees) => {
    const radians = (degrees * Math.PI) / 180;
    const point = (radius: number) =>
      `${(12 + radius * Math.cos(radians)).toFixed(1)} ${(12 + radius * Math.sin(radians)).toFixed(1)}`;
    return `M${point(6.5)}L${point(9.5)}`;
  })
  .join('');

const PATHS: Record<CategoryId, string> = {
  agentFriendliness: `<circle cx="12" cy="12" r="6.5"/><circle cx="12" cy="12" r="2.5"/><path d="${SPOKES}"/>`,
  security: '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>',
  reliability: '<path d="M13 2 4 14h7l-1 8 9-12h-7z"/>',
  dataProtection: '<path d="M12 2l8 3v6c0 5-3.5 9-8 11-4.5-2-8-6-8-11V5z"/><path d="m8.5 12 2.5 2.5 4.5-5"/>',
};

/** Static SVG markup for a category id; an unknown id yields an empty string. */
export function categoryIconSvg(category: string): string {
  const paths = (PATHS as Record<string, string>)[category];
  if (!paths) return '';
  return `<svg class="icon" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${paths}</svg>`;
}
