/**
 * The Portfolio Matrix's segment table recalculated by LibreOffice from the written .xlsx, against the core
 * (matrixSummaryCheck.ts), on the sample with some accounts left without a segment: the reference for the
 * HyperFormula check beside it, whose engine reads some criteria differently from Excel (wildcards).
 */
import { describe, it } from "vitest";
import { writeWorkbook } from "../../../src/xlsx/writeWorkbook";
import { recalculate } from "../../support/libreoffice";
import { expectMatrixSummaryAsCore, reportWithUnsegmented } from "./matrixSummaryCheck";

describe("the Portfolio Matrix's segment table in LibreOffice, against the core", () => {
  for (const scale of ["survey", "account"] as const) {
    it(`gives each segment and All segments the core's count, revenue, share, average CLV and NPS (${scale} NPS)`, async () => {
      const run = reportWithUnsegmented(scale);
      const wb = await recalculate(await writeWorkbook(run.report.plan));
      expectMatrixSummaryAsCore(
        run,
        (address) => wb.value("Portfolio Matrix", address),
        (v) => v === "" || v === undefined,
      );
    }, 180_000);
  }
});
