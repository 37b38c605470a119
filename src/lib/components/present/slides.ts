/** What a slide show shows: an optional title slide, then one chart (spec + its filters) per slide. */
import type { ChartSpec } from '$lib/dashboard/spec';
import type { ViewFilters } from '$lib/dashboard/filters';

export type SlideDef =
	| { kind: 'title'; key: string; title: string; subtitle?: string }
	| { kind: 'chart'; key: string; spec: ChartSpec; filters: ViewFilters };

export function chartSlides(specs: ChartSpec[], filters: ViewFilters): SlideDef[] {
	return specs.map((spec) => ({ kind: 'chart', key: spec.id, spec, filters }));
}

/** moves a node to <body> so the rest of the app can be made inert while it is shown */
export function portal(node: HTMLElement) {
	document.body.appendChild(node);
	return {
		destroy() {
			node.remove();
		}
	};
}
