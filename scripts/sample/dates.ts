/** Calendar days as whole numbers (days since 1970-01-01, UTC) — the same unit as Arrow Date32. */

const MS_PER_DAY = 86_400_000;

export function day(iso: string): number {
	return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

export function toDate(d: number): Date {
	return new Date(d * MS_PER_DAY);
}

export function isoDate(d: number): string {
	return toDate(d).toISOString().slice(0, 10);
}

/** 31.12.2025 */
export function germanDate(d: number): string {
	const [y, m, dd] = isoDate(d).split('-');
	return `${dd}.${m}.${y}`;
}

export function year(d: number): number {
	return toDate(d).getUTCFullYear();
}

/** 1 = January */
export function month(d: number): number {
	return toDate(d).getUTCMonth() + 1;
}

/** 0 = Monday … 6 = Sunday */
export function weekday(d: number): number {
	return (toDate(d).getUTCDay() + 6) % 7;
}

export function firstOfMonth(y: number, m: number): number {
	return Math.round(Date.UTC(y, m - 1, 1) / MS_PER_DAY);
}
