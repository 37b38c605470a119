/**
 * HTML-escapes text from user files (area names, categories) before it goes into a tooltip:
 * ECharts renders tooltips as HTML, so a name like `<img src=x onerror=…>` would run.
 * Axis labels, legends and titles are drawn as SVG/canvas text and need no escaping.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(s: unknown): string {
	return String(s ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}
