/**
 * `npx tsx scripts/methodik.ts`: writes docs/methodik.md from the indicator registry
 * (German first, then English). Sources come from the QUELLEN constant, the same rows as table `quellen`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { methodikMarkdown } from '../src/lib/indicators/methodik';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = path.join(root, 'docs/methodik.md');
const text = ['# Methodik / Methodology', '', methodikMarkdown('de'), '---', '', methodikMarkdown('en')].join('\n');
writeFileSync(target, text.trimEnd() + '\n');
console.log(`${path.relative(root, target)} geschrieben (${text.length} Zeichen)`);
