// The Okabe–Ito colours: told apart by people with any common colour-vision deficiency. Every
// chart of the dashboards takes its colours from here.
export const SAFE_COLORS = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  sky: '#56B4E9',
  purple: '#CC79A7',
  black: '#000000',
} as const;
