/** Offers a text as a file download (same-origin blob URL, nothing leaves the page). */
export function downloadText(name: string, text: string, type = 'application/json;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
