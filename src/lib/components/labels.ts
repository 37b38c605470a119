/** Words for what the import detected (format, encoding, delimiter, dataset kind). */
import { DATASETS, type DatasetKind } from '$lib/import/schemas';
import type { Dialect, Lang } from '$lib/import/report';
import { t } from '$lib/i18n';

export function kindLabel(kind: DatasetKind | null, lang: Lang): string {
	return kind ? DATASETS[kind].label[lang] : t('files.unknownKind');
}

export function formatLabel(d: Dialect | null): string {
	if (!d) return t('notApplicable');
	const base = t(`dialect.${d.format}`);
	return d.format === 'xlsx' && d.sheet ? `${base}, ${t('dialect.sheet', { sheet: d.sheet })}` : base;
}

export function encodingLabel(d: Dialect | null): string {
	return d?.encoding ? t(`enc.${d.encoding}`) : t('notApplicable');
}

export function delimiterLabel(d: Dialect | null): string {
	const c = d?.delimiter;
	if (!c) return t('notApplicable');
	if (c === ';') return t('delim.semicolon');
	if (c === ',') return t('delim.comma');
	if (c === '\t') return t('delim.tab');
	if (c === '|') return t('delim.pipe');
	return t('delim.other', { c });
}

export function decimalLabel(d: Dialect | null): string {
	const marks = new Set(Object.values(d?.decimalByColumn ?? {}).filter(Boolean));
	if (marks.size > 1) return t('decimal.perColumn');
	if (!d?.decimal) return t('notApplicable');
	return d.decimal === ',' ? t('decimal.comma') : t('decimal.point');
}
