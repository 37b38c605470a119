/**
 * The import assistant on the client: every chosen file is inspected first (inspect.ts, no
 * database). A saved profile for its header is applied without asking; a file the inspection is
 * not sure about opens the assistant; a certain file is imported directly and can still be
 * opened in the assistant ("Import anpassen"). The choices are an ImportProfile, saved in the
 * browser when the file is imported with it (profile-store.ts).
 */
import { inspectFile, type Inspection } from '$lib/import/inspect';
import { inspectionInput, type InspectionInput } from '$lib/import/inspect-sample';
import { inspectInWorker } from '$lib/import/inspect-in-worker';
import type { InputFile } from '$lib/import/import-file';
import { newProfile, parseProfile, serialiseProfile, type ImportProfile } from '$lib/import/profile';
import {
	assistantReasons,
	defaultProfileName,
	draftFrom,
	hasChoices,
	readingOf,
	withDecimal,
	withFieldColumn,
	withReading,
	withValue,
	type AssistantReason,
	type DialectChoice
} from '$lib/import/profile-edit';
import { DATASETS, type DatasetKind } from '$lib/import/schemas';
import { i18n, t } from '$lib/i18n';
import { app, type LoadedFile } from './state.svelte';
import { importOwnFiles } from './workspace.svelte';
import { findProfile, loadProfiles, removeProfile, saveProfile } from './profile-store';

// The inspection parses what it is given on the page; above a few MB that is a long main-thread
// task. So a larger text file is inspected from its first INSPECT_MAX_BYTES (cut at a line end;
// the import still reads every line), and a larger workbook or Parquet file goes straight to the
// import (in the worker, with progress and cancel) and can be opened in the assistant afterwards
// ("Import anpassen").
const INSPECT_MAX_BYTES = 4 * 1024 * 1024;

/** what the assistant inspects of `file`: its first part when it is large; the whole file when it cannot be cut */
function toInspect(file: InputFile): InspectionInput {
	return inspectionInput(file.bytes, INSPECT_MAX_BYTES) ?? { bytes: file.bytes, sample: null };
}

/** the inspection of a large file's first part runs in a worker (4 MB of parsing is a long task on the page) */
function inspect(input: InspectionInput, name: string, profile: ImportProfile | null): Promise<Inspection> {
	return input.sample ? inspectInWorker(input.bytes, name, profile, i18n.lang) : inspectFile(input.bytes, name, profile, i18n.lang);
}
/** Files kept in memory for "Import anpassen" (this session only). */
const RECENT_MAX = 5;

export type Step = 1 | 2 | 3 | 4;

function storage(): Storage | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined;
	}
}

class AssistantState {
	/** the file in the assistant (null: closed) */
	file = $state.raw<InputFile | null>(null);
	/** the inspection under the current choices (values not applied, so unknown values stay listed) */
	inspection = $state.raw<Inspection | null>(null);
	/** the inspection saw only the first part of a large file (bytes of it, of the whole) */
	sample = $state.raw<InspectionInput['sample']>(null);
	/** what detection suggested per field before any choice: field → column index and confidence */
	suggested = $state.raw<Record<string, { column: number | null; confidence: number }>>({});
	draft = $state.raw<ImportProfile | null>(null);
	/** what detection alone makes of the file (a draft equal to it is not saved) */
	detected = $state.raw<ImportProfile | null>(null);
	/** the saved profile the draft started from, if any */
	fromProfile = $state.raw<ImportProfile | null>(null);
	reasons = $state.raw<AssistantReason[]>([]);
	step = $state<Step>(1);
	working = $state(false);
	/** the import's result (step 4) */
	result = $state.raw<LoadedFile | null>(null);
	/** files still waiting for the assistant */
	waiting = $state.raw<InputFile[]>([]);
	/** recently imported files that can be opened in the assistant again */
	recent = $state.raw<InputFile[]>([]);
	profiles = $state.raw<ImportProfile[]>(loadProfiles(storage()));
	/** a message about profiles (loaded, saved, not usable), for a live region */
	note = $state<() => string>(() => '');
}

export const assistant = new AssistantState();

/** The import itself. The one place to route through another importer (e.g. a workspace that stores the file). */
async function runImport(file: InputFile, profile: ImportProfile | null): Promise<LoadedFile | null> {
	// through the Arbeitsstand: the file and its profile are stored and come back after a reload
	const [entry] = await importOwnFiles([file], profile ? { profile } : {});
	return entry ?? null;
}

function remember(file: InputFile) {
	assistant.recent = [file, ...assistant.recent.filter((f) => f.name !== file.name)].slice(0, RECENT_MAX);
}

function sayProfileApplied(name: string) {
	const before = app.notice;
	app.notice = () => `${t('assistant.profileApplied', { name })} ${before()}`;
}

/** Profiles with their own reading tried on a file that detection reads differently (bounded work). */
const READING_TRIES = 10;

/** The saved profile for a file: by the detected header, else by the header under a profile's own reading. */
async function savedProfileFor(name: string, input: InspectionInput, ins: Inspection): Promise<ImportProfile | null> {
	const direct = findProfile(assistant.profiles, ins.signature);
	if (direct) return direct;
	let tries = 0;
	for (const p of assistant.profiles) {
		const reading = readingOf(p);
		if (!reading || ++tries > READING_TRIES) continue;
		const again = await inspect(input, name, reading);
		if (again.signature === p.signature) return p;
	}
	return null;
}

/** The picker's and the drop zone's entry: inspect, then apply a profile, open the assistant or import. */
export async function chooseFiles(list: FileList | File[]): Promise<void> {
	const files: InputFile[] = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
	const direct: InputFile[] = [];
	const ask: InputFile[] = [];
	for (const f of files) {
		const input = inspectionInput(f.bytes, INSPECT_MAX_BYTES);
		if (!input) {
			direct.push(f);
			continue;
		}
		app.inspecting = f.name;
		let ins: Inspection;
		let saved: ImportProfile | null;
		try {
			ins = await inspect(input, f.name, null);
			saved = await savedProfileFor(f.name, input, ins);
		} finally {
			app.inspecting = null;
		}
		if (saved) {
			remember(f);
			const entry = await runImport(f, saved);
			if (entry) sayProfileApplied(saved.name ?? defaultProfileName(f.name));
			continue;
		}
		if (assistantReasons(ins).length) ask.push(f);
		else direct.push(f);
	}
	if (direct.length) {
		for (const f of direct) remember(f);
		await importOwnFiles(direct);
	}
	if (ask.length) {
		assistant.waiting = [...assistant.waiting, ...ask];
		if (!assistant.file) await openNext();
	}
}

async function openNext() {
	const [next, ...rest] = assistant.waiting;
	assistant.waiting = rest;
	if (next) await openAssistant(next);
}

/** Opens a file in the assistant (a saved profile for its header is the starting point). */
export async function openAssistant(file: InputFile): Promise<void> {
	assistant.working = true;
	try {
		const input = toInspect(file);
		const first = await inspect(input, file.name, null);
		const saved = await savedProfileFor(file.name, input, first);
		assistant.file = file;
		assistant.sample = input.sample;
		assistant.fromProfile = saved;
		assistant.detected = draftFrom(first);
		assistant.result = null;
		assistant.note = () => '';
		assistant.step = 1;
		assistant.reasons = assistantReasons(first);
		await reinspect(saved ?? newProfile(first.header, { name: defaultProfileName(file.name) }));
	} finally {
		assistant.working = false;
	}
}

/** The kind whose fields the inspection's mapping lists (the closest kind when none fitted). */
function kindOfMapping(ins: Inspection): DatasetKind | undefined {
	const fields = ins.mapping.map((m) => m.field).join('|');
	return (Object.keys(DATASETS) as DatasetKind[]).find((k) => DATASETS[k].columns.map((c) => c.name).join('|') === fields);
}

function rememberSuggestions(ins: Inspection) {
	assistant.suggested = Object.fromEntries(ins.mapping.map((m) => [m.field, { column: m.column, confidence: m.confidence }]));
}

/**
 * Inspects the file again under `profile`: with its columns pinned when it has them, else the
 * suggestions are taken as the new pinned columns. Values are left out of the inspection so the
 * unknown values stay listed while the user maps them.
 */
async function reinspect(profile: ImportProfile) {
	const file = assistant.file;
	if (!file) return;
	const { values: _values, ...withoutValues } = profile;
	const input = toInspect(file);
	let ins = await inspect(input, file.name, withoutValues);
	if (!profile.columns) {
		// no kind fitted by itself: take the closest one, so its fields can be chosen
		const kind = ins.kind ?? kindOfMapping(ins);
		if (!ins.kind && kind && !ins.fatal?.code.startsWith('unreadable')) ins = await inspect(input, file.name, { ...withoutValues, kind });
		rememberSuggestions(ins);
	}
	assistant.inspection = ins;
	const next = draftFrom(ins, profile);
	if (profile.columns) next.columns = { ...profile.columns };
	assistant.draft = next;
}

/**
 * Edits run one after another, each on the draft the previous one left: a user choosing quickly
 * (keyboard) never loses a choice to a slower re-inspection. Controls stay enabled meanwhile, so
 * the focus is not lost.
 */
let chain: Promise<void> = Promise.resolve();
function edit(change: (p: ImportProfile, ins: Inspection) => ImportProfile): Promise<void> {
	const run = async () => {
		const d = assistant.draft;
		const ins = assistant.inspection;
		if (!d || !ins) return;
		assistant.working = true;
		try {
			await reinspect(change(d, ins));
		} finally {
			assistant.working = false;
		}
	};
	chain = chain.then(run, run);
	return chain;
}

export function setReading(change: Partial<DialectChoice & { kind: DatasetKind | undefined }>): Promise<void> {
	return edit((d) => withReading(d, change));
}

export function setFieldColumn(field: string, col: number | null): Promise<void> {
	return edit((d, ins) => withFieldColumn(d, ins.header, field, col));
}

/** A value mapping changes no reading: no new inspection needed. */
export function setValue(field: string, value: string, to: string | null): Promise<void> {
	const run = async () => {
		if (assistant.draft) assistant.draft = withValue(assistant.draft, field, value, to);
	};
	chain = chain.then(run, run);
	return chain;
}

export function setDecimal(mark: ',' | '.' | undefined): Promise<void> {
	return edit((d) => withDecimal(d, mark));
}

export function setName(name: string): Promise<void> {
	const run = async () => {
		if (assistant.draft) assistant.draft = { ...assistant.draft, name };
	};
	chain = chain.then(run, run);
	return chain;
}

/** Imports the file with the draft, saves the draft as the profile for this header, shows the result. */
export async function importWithDraft(): Promise<void> {
	await chain; // every choice made so far is in the draft
	const file = assistant.file;
	const draft = assistant.draft;
	if (!file || !draft) return;
	assistant.working = true;
	try {
		const profile: ImportProfile = { ...draft, name: draft.name?.trim() || defaultProfileName(file.name) };
		// saved when the user chose something (or changed a saved profile); plain detection is not pinned
		const save = !!assistant.fromProfile || !assistant.detected || hasChoices(profile, assistant.detected);
		const r = save ? saveProfile(storage(), profile) : null;
		if (r) assistant.profiles = r.list;
		assistant.draft = profile;
		remember(file);
		const entry = await runImport(file, save ? profile : null);
		if (!entry) {
			// the database is not open yet (or failed): the import panel's status says why
			assistant.note = () => app.notice();
			return;
		}
		assistant.result = entry;
		assistant.note = () => (!r ? t('assistant.profileNotNeeded') : r.stored ? t('assistant.profileSaved', { name: profile.name! }) : t('assistant.profileNotStored'));
		assistant.step = 4;
	} finally {
		assistant.working = false;
	}
}

/** Closes the assistant (without importing, unless that happened) and opens the next waiting file. */
export async function closeAssistant(): Promise<void> {
	assistant.file = null;
	assistant.inspection = null;
	assistant.sample = null;
	assistant.draft = null;
	assistant.result = null;
	assistant.fromProfile = null;
	assistant.detected = null;
	assistant.reasons = [];
	assistant.step = 1;
	await openNext();
}

export function goToStep(step: Step): void {
	assistant.step = step;
}

/** "Profil herunterladen": the JSON text and a file name. */
export function profileDownload(p: ImportProfile): { name: string; text: string } {
	const base = (p.name || 'importprofil').replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);
	return { name: `${base}.importprofil.json`, text: serialiseProfile(p) + '\n' };
}

/** "Profil laden": a JSON file becomes a saved profile (and the draft, if the assistant shows a file with that header). */
export async function loadProfileFile(file: File): Promise<boolean> {
	const r = parseProfile(await file.text());
	if (!r.profile) {
		const err = r.error;
		assistant.note = () => t('assistant.profileBad', { file: file.name, detail: err[i18n.lang] });
		return false;
	}
	const p = r.profile;
	const saved = saveProfile(storage(), p);
	assistant.profiles = saved.list;
	const name = p.name ?? file.name;
	assistant.note = () => t('assistant.profileLoaded', { name });
	if (assistant.file && assistant.inspection?.signature === p.signature) {
		assistant.fromProfile = p;
		await edit(() => p);
	}
	return true;
}

export function deleteProfile(signature: string): void {
	const p = assistant.profiles.find((x) => x.signature === signature);
	assistant.profiles = removeProfile(storage(), signature);
	if (p) assistant.note = () => t('assistant.profileDeleted', { name: p.name ?? p.header.join(', ') });
}
