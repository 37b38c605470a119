/** A small seeded pseudo-random generator (mulberry32) with the few helpers the generator needs. */

export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** uniform in [0, 1) — mulberry32 */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** whole number in [min, max] */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** pick a key of `weights` with probability proportional to its weight */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
		const entries = Object.entries(weights) as [K, number][];
		const total = entries.reduce((sum, [, w]) => sum + w, 0);
		let r = this.next() * total;
		for (const [key, w] of entries) {
			r -= w;
			if (r < 0) return key;
		}
		return entries[entries.length - 1][0];
	}

	/** Poisson-distributed count (Knuth; fine for small means) */
	poisson(mean: number): number {
		const limit = Math.exp(-mean);
		let k = 0;
		let p = this.next();
		while (p > limit) {
			k++;
			p *= this.next();
		}
		return k;
	}

	/** `count` distinct items, each drawn with probability proportional to weight(item) */
	sample<T>(items: readonly T[], count: number, weight: (item: T) => number = () => 1): T[] {
		const pool = items.map((item) => ({ item, w: weight(item) }));
		const chosen: T[] = [];
		while (chosen.length < count && pool.length > 0) {
			const total = pool.reduce((sum, e) => sum + e.w, 0);
			let r = this.next() * total;
			let i = 0;
			while (i < pool.length - 1 && (r -= pool[i].w) >= 0) i++;
			chosen.push(pool.splice(i, 1)[0].item);
		}
		return chosen;
	}
}
