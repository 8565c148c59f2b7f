// Okabe–Ito colours: told apart with every common colour-vision deficiency. Flagged figures use
// vermillion and are also drawn thicker (never colour alone); reference against current is blue
// against orange.
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** Series colours without vermillion, which is kept for "flagged". */
const SERIES = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#000000', '#999999'] as const;
export const monitorColor = (k: number) => SERIES[k % SERIES.length];
/** Past the colours, lines repeat them dashed, so no two series look alike. */
export const monitorDash = (k: number): string | undefined => (k < SERIES.length ? undefined : k < 2 * SERIES.length ? '6 3' : '2 2');

export const FLAGGED = '#D55E00';
export const REFERENCE = '#0072B2';
export const CURRENT = '#E69F00';
