export { i18n, t, fill } from './lang.svelte';
export type { Params } from './lang.svelte';
export { MESSAGES, de, en, type Lang, type MessageKey, type Messages } from './messages';
export { formatInt, formatNumber, formatSeconds, formatDate, formatBytes, locale } from './format';
export { translate } from './translate';
