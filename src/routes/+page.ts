import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';

// For now the data page is the only page.
export function load() {
	redirect(307, resolve('/daten'));
}
