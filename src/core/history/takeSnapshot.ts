import type { AccountTable } from "../accounts/validate";
import { isKamError } from "../errors";
import { makeScoreSpec } from "../score";
import { scoreParts } from "../scoreParts";
import type { AccountMetrics } from "../portfolio/metrics";
import type { Kpi } from "../portfolio/kpis";
import type { PortfolioOptions } from "../portfolio/options";
import type { Snapshot } from "./snapshot";

const finite = (x: number | undefined): number | null => (x === undefined || Number.isNaN(x) ? null : x);

/**
 * The snapshot of one build: the KPIs that have a value (`KPI_<id>`, as the dashboard names them) and, per accepted
 * account, the Accounts sheet's attractiveness, strength and quadrant (core/portfolio/metrics.ts), its revenue as read,
 * its total account value (`total`, from core/whitespace.ts totalAccountValue; without a product block the revenue,
 * blank counted 0) and its score parts (core/scoreParts.ts, with the options' weights and scale: the same numbers as
 * KAM.SCORE.PARTS). A row the score refuses has blank parts.
 */
export function takeSnapshot(
  label: string,
  table: AccountTable,
  options: PortfolioOptions,
  metrics: AccountMetrics,
  kpis: readonly Kpi[],
  total?: ArrayLike<number>,
): Snapshot {
  const criteria = table.criteria.map((c, j) => c.header || `Criterion ${j + 1}`);
  const spec =
    table.criteria.length > 0
      ? makeScoreSpec(options.criteriaWeights, options.scale.min, options.scale.max)
      : undefined;
  const names = table.labels.account ?? [];
  const revenue = table.numbers.revenue;
  const n = table.count;
  const ratings: (number | null)[] = new Array(table.criteria.length);
  const parts = criteria.map(() => new Float64Array(n).fill(Number.NaN));
  const accounts = {
    count: n,
    account: Array.from({ length: n }, (_, i) => names[i] ?? `Row ${table.sourceRows[i] + 1}`),
    // the metrics' and the table's own columns, not copies: nothing changes them after the build
    attractiveness: metrics.attractiveness.subarray(0, n),
    strength: metrics.strength.subarray(0, n),
    quadrant: Array.from({ length: n }, (_, i) => {
      const segment = metrics.segment[i];
      return segment >= 0 ? (options.segments[segment]?.name ?? null) : null;
    }),
    revenue: revenue ?? new Float64Array(n).fill(Number.NaN),
    totalValue: Float64Array.from({ length: n }, (_, i) =>
      total ? total[i] : revenue ? (Number.isNaN(revenue[i]) ? 0 : revenue[i]) : Number.NaN,
    ),
    parts,
  };
  if (spec && !isKamError(spec)) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < ratings.length; j++) ratings[j] = finite(table.criteria[j].values[i]);
      const p = scoreParts(ratings, spec, i + 1);
      if (!isKamError(p)) for (let j = 0; j < p.length; j++) parts[j][i] = p[j] ?? Number.NaN;
    }
  }
  return {
    label,
    criteria,
    kpis: kpis.flatMap((k) => (k.value === undefined ? [] : [{ kpi: `KPI_${k.id}`, value: k.value }])),
    accounts,
  };
}
