/**
 * Colour-blind-safe palette: Okabe–Ito hues, the light ones darkened (same hue, RGB × 0.72–0.9)
 * so that every colour has a contrast of at least 3:1 against white (WCAG 1.4.11, graphical
 * objects). Yellow cannot reach 3:1 and stay yellow, so it is left out; near-black takes its
 * place. Colour is never the only cue: bars get decals (decals.ts), lines dash styles, markers
 * symbol shapes.
 */
export const PALETTE = [
	'#0072B2', // blue            5.19:1
	'#D55E00', // vermillion      3.87:1
	'#009E73', // bluish green    3.42:1
	'#B86D96', // reddish purple  3.71:1 (Okabe–Ito #CC79A7 × 0.9)
	'#A67200', // orange          4.18:1 (#E69F00 × 0.72)
	'#4187AF', // sky blue        3.96:1 (#56B4E9 × 0.75)
	'#333333' //  near-black     12.63:1
] as const;

/** other areas / context lines (4.54:1) */
export const NEUTRAL = '#767676';
/** peer-group range band: light, but it is never the only carrier of a value (markers are) */
export const BAND = '#9DB9D3';
export const TEXT = '#171717';
export const MUTED = '#4a4a4a';

export function colour(i: number): string {
	return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** WCAG relative luminance of '#rrggbb' */
export function luminance(hex: string): number {
	const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b = '#ffffff'): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}
