/** Browser only: hands a file to the user (download) or an image to the clipboard. */
export function saveFile(name: string, content: Blob | Uint8Array | string, mime: string): void {
	const blob = content instanceof Blob ? content : new Blob([content as BlobPart], { type: mime });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** true when this browser lets the page put a PNG on the clipboard */
export function canCopyImage(): boolean {
	return typeof ClipboardItem !== 'undefined' && !!navigator.clipboard?.write && window.isSecureContext;
}

export async function copyPng(png: Blob): Promise<void> {
	await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}
