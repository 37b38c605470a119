/** A saved presentation: stored as JSON, read back, reordered; nothing malformed gets through. */
import { describe, it, expect } from 'vitest';
import { addItem, emptyPresentation, moveItem, parsePresentation, removeItem, type Presentation } from '../../../src/lib/dashboard/presentation';
import { defaultFilters } from '../../../src/lib/dashboard/filters';

const F = defaultFilters('2025-12');
function three(): Presentation {
	let p = emptyPresentation('Bericht');
	p = addItem(p, { chartId: 'vergleich-kontakte_je_1000', path: '/vergleich', title: 'A', filters: { ...F, amt2: '130765659' } }, 'u1');
	p = addItem(p, { chartId: 'ueberblick-rangfolge', path: '/', title: 'B', filters: { ...F, amt: '130765668' } }, 'u2');
	p = addItem(p, { chartId: 'aeltere-abdeckung', path: '/aeltere', title: 'C', filters: { ...F, format: ['Hausbesuch'] } }, 'u3');
	return p;
}
const order = (p: Presentation) => p.items.map((i) => i.title).join('');

describe('saved presentation', () => {
	it('survives a JSON round trip with order, titles and each item’s filters', () => {
		const p = { ...three(), title: 'Kreistag 12.03.' };
		const back = parsePresentation(JSON.stringify(p), 'x');
		expect(back).toEqual(p);
		expect(back.items[1].filters.amt).toBe('130765668');
		expect(back.items[0].filters.amt2).toBe('130765659');
		expect(back.items[2].filters.format).toEqual(['Hausbesuch']);
	});

	it('moves up and down, not past either end; removes by uid', () => {
		const p = three();
		expect(order(moveItem(p, 'u3', -1))).toBe('ACB');
		expect(order(moveItem(p, 'u1', 1))).toBe('BAC');
		expect(moveItem(p, 'u1', -1)).toBe(p);
		expect(moveItem(p, 'u3', 1)).toBe(p);
		expect(order(removeItem(p, 'u2'))).toBe('AC');
	});

	it('drops what it cannot show again: unknown charts, bad filters, duplicate uids; bad JSON → empty', () => {
		const p = three();
		const raw = JSON.parse(JSON.stringify(p));
		raw.items.push({ uid: 'u4', chartId: 'gibt-es-nicht', path: '/', title: 'D', filters: F });
		raw.items.push({ uid: 'u5', chartId: 'ueberblick-rangfolge', path: '/', title: 'E', filters: { ...F, from: '2025-13' } });
		raw.items.push({ uid: 'u6', chartId: 'ueberblick-rangfolge', path: '/', title: 'F', filters: { ...F, amt: "1' OR 1=1" } });
		raw.items.push({ ...raw.items[0] });
		// the page path comes from the chart, not from storage
		raw.items[0].path = 'javascript:alert(1)';
		const back = parsePresentation(JSON.stringify(raw), 'x');
		expect(order(back)).toBe('ABC');
		expect(back.items[0].path).toBe('/vergleich');
		expect(parsePresentation('{nicht json', 'Meine Präsentation')).toEqual(emptyPresentation('Meine Präsentation'));
		expect(parsePresentation(null, 'T').title).toBe('T');
	});

	it('an item saved before the second Amt existed (no amt2) gets none; a bad amt2 is dropped, not the item', () => {
		const raw = JSON.parse(JSON.stringify(three()));
		delete raw.items[1].filters.amt2;
		raw.items[2].filters.amt2 = "1' OR 1=1";
		const back = parsePresentation(JSON.stringify(raw), 'x');
		expect(order(back)).toBe('ABC');
		expect(back.items[1].filters.amt2).toBe('');
		expect(back.items[2].filters.amt2).toBe('');
	});
});
