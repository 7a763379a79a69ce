import type { AlertKind } from './alerts';

/** A 16×16 icon drawn in the text colour: shows the same in every browser, no emoji font needed. */
function svgIcon(path: string): string {
  return `<svg class="medguide-icon" viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" fill-rule="evenodd" aria-hidden="true" focusable="false"><path d="${path}"/></svg>`;
}

/** Inline SVG icons of the boxes (and of the preview's own warnings). */
export const ICONS: Readonly<Record<AlertKind | 'problem', string>> = {
  // A pencil.
  note: svgIcon('M11.3 1.3a1 1 0 0 1 1.4 0l2 2a1 1 0 0 1 0 1.4l-8.5 8.5-3.7 1.1a.5.5 0 0 1-.6-.6l1.1-3.7zM3.9 10.6l-.6 2.1 2.1-.6z'),
  // An "i" in a disc.
  info: svgIcon('M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM7 7h2v5H7zM7 4h2v2H7z'),
  // A light bulb.
  tip: svgIcon('M8 1a5 5 0 0 1 3 9v1.5a.5.5 0 0 1-.5.5h-5a.5.5 0 0 1-.5-.5V10a5 5 0 0 1 3-9zM5.5 13h5v1a1 1 0 0 1-1 1h-3a1 1 0 0 1-1-1z'),
  // A tick in a disc.
  success: svgIcon('M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM4.3 8.2l1.4-1.4 1.6 1.6 3.6-3.6 1.4 1.4-5 5z'),
  // An exclamation mark in a speech bubble.
  important: svgIcon('M2 2h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H7l-3 3v-3H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM7 4h2v4H7zM7 9h2v2H7z'),
  // An exclamation mark in a triangle.
  warning: svgIcon('M8 1l7.5 13.5H.5zM7 6h2v4.5H7zM7 11.5h2v1.8H7z'),
  // An exclamation mark in an octagon.
  danger: svgIcon('M5 1h6l4 4v6l-4 4H5l-4-4V5zM7 4h2v5H7zM7 10.5h2v2H7z'),
  // The preview's own warnings (front matter that does not parse, a shortcode left open).
  problem: svgIcon('M8 1l7.5 13.5H.5zM7 6h2v4.5H7zM7 11.5h2v1.8H7z'),
};
