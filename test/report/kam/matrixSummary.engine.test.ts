/**
 * The Portfolio Matrix's segment table evaluated by HyperFormula with the test engine's AVERAGEIFS, against the core
 * (matrixSummaryCheck.ts): on the seeded sample with some accounts left without a segment, on the survey and the
 * account NPS scales. The fast counterpart of matrixSummary.libreoffice.test.ts.
 */
import { describe, it } from "vitest";
import { withPlanEngine } from "../../support/planEngine";
import { expectMatrixSummaryAsCore, reportWithUnsegmented } from "./matrixSummaryCheck";

describe("the Portfolio Matrix's segment table in HyperFormula, against the core", () => {
  for (const scale of ["survey", "account"] as const) {
    it(`gives each segment and All segments the core's count, revenue, share, average CLV and NPS (${scale} NPS)`, () => {
      const run = reportWithUnsegmented(scale);
      withPlanEngine(run.report.plan, (e) =>
        expectMatrixSummaryAsCore(
          run,
          (address) => e.value("Portfolio Matrix", address),
          (v) => v === "",
        ),
      );
    });
  }
});
