/** Monthly trend of contacts with a trailing 3-month mean (the month and the two before it). */
import type { IndicatorDef, IndicatorParams } from './types';
import { FILTER_KEYS } from './types';
import { rowColumns, scope } from './scope';
import { addMonths, dateLit } from './sql-lit';

function trendSql(p: IndicatorParams): string {
	const s = scope(p, FILTER_KEYS);
	// the series starts two months early so that the first month of the period has a full window
	const w0 = dateLit(addMonths(s.from, -2));
	return `WITH ${s.ctes},
	months AS (SELECT CAST(unnest(generate_series(${w0}, ${s.toD}, INTERVAL 1 MONTH)) AS DATE) AS monat),
	f AS (
		SELECT geo.key, s.monat, sum(s.kontakte) AS n
		FROM ${s.activity} s JOIN geo ON geo.ags = s.ags
		WHERE s.monat BETWEEN ${w0} AND ${s.toD}${s.filter('s')}
		GROUP BY ALL),
	grid AS (
		SELECT a.key, a.name, a.land, m.monat, COALESCE(f.n, 0) AS n,
			-- every month exists in the grid (0 when no data), so 3 rows = 3 calendar months
			avg(COALESCE(f.n, 0)) OVER (PARTITION BY a.key ORDER BY m.monat ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS mittel_3m
		FROM areas a CROSS JOIN months m LEFT JOIN f ON f.key = a.key AND f.monat = m.monat)
	${rowColumns(s, 'a.n', null, null, "strftime(a.monat, '%Y-%m') AS monat, CAST(a.mittel_3m AS DOUBLE) AS mittel_3m")}
	FROM grid a
	WHERE a.monat >= ${s.fromD}
	ORDER BY a.key, a.monat`;
}

export const TREND: IndicatorDef[] = [
	{
		id: 'kontakte_trend',
		group: 'mix',
		shape: 'series',
		title: { de: 'Kontakte je Monat (Verlauf)', en: 'Contacts per month (trend)' },
		explanation: {
			de: 'Kontakte in jedem Monat des Zeitraums und der gleitende Mittelwert über drei Monate (der Monat und die zwei davor), der Zufallsschwankungen glättet.',
			en: 'Contacts in each month of the period and the 3-month moving average (the month and the two before it), which smooths random variation.'
		},
		unit: { de: 'Kontakte je Monat', en: 'contacts per month' },
		numerator: { de: 'Einsätze im Monat', en: 'activities in the month' },
		denominator: null,
		factor: null,
		needs: ['einsaetze'],
		sources: ['beispieldaten'],
		caveats: [
			{
				de: 'Monate ohne Daten zählen als 0. Der Mittelwert der ersten beiden Monate des Zeitraums nutzt die Monate davor.',
				en: 'Months without data count as 0. The average of the first two months of the period uses the months before it.'
			}
		],
		filters: FILTER_KEYS,
		sql: trendSql
	}
];
