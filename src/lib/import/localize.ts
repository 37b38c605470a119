/**
 * A report in another language: every reason is rendered again from its code and parameters
 * (messages.ts), so switching the UI language also switches import reasons and the download.
 */
import { message } from './messages';
import type { ImportReport, Lang } from './report';

export function localizeReport(report: ImportReport, lang: Lang): ImportReport {
	return {
		...report,
		rejections: report.rejections.map((r) => ({ ...r, reason: message(r.code, lang, r.params) })),
		repairs: report.repairs.map((r) => ({ ...r, reason: message(r.code, lang, r.params) })),
		fatal: report.fatal ? { ...report.fatal, message: message(report.fatal.code, lang, report.fatal.params) } : null
	};
}
