import type { AccountTable, KpiId } from "../../core";
import type { AccountsLayout } from "./accountsSheet";

/**
 * Each KPI as one native formula over the Accounts columns, with the definitions of core/portfolio/kpis.ts. Only
 * Excel 2007 functions with LibreOffice equivalents, and no array formulas: SUMPRODUCT carries the per-row
 * arithmetic (min(c, p) = c − (c > p)·(c − p) for GRR), so Excel 2016 and a recipient without the add-in compute
 * the same. `undefined` for a KPI the columns cannot give (the core says why).
 */
export function kpiFormula(id: KpiId, layout: AccountsLayout, table: AccountTable): string | undefined {
  const has = (k: Parameters<AccountsLayout["has"]>[0]) => layout.has(k);
  const A = layout.range("active");
  const P = has("priorRevenue") ? layout.range("priorRevenue") : undefined;
  const R = has("revenue") ? layout.range("revenue") : undefined;
  const atStart = P && `COUNTIF(${P},">0")`;
  const churned = P && `COUNTIFS(${P},">0",${A},FALSE)`;
  switch (id) {
    case "Accounts":
      return `COUNTIF(${A},TRUE)`;
    case "RetentionRate":
      return P && `(${atStart}-${churned})/${atStart}`;
    case "ChurnRate":
      return P && `${churned}/${atStart}`;
    case "GRR":
      return P && R && `SUMPRODUCT((${P}>0)*${A}*(${R}-(${R}>${P})*(${R}-${P})))/SUMIF(${P},">0")`;
    case "NRR":
      return P && R && `SUMPRODUCT((${P}>0)*${A}*${R})/SUMIF(${P},">0")`;
    case "RevenueGrowth":
      return P && R && `SUMPRODUCT(${A}*${R})/SUM(${P})-1`;
    case "NPS": {
      if (!has("nps")) return undefined;
      const N = layout.range("nps");
      if (table.npsScale === "account") return `AVERAGEIFS(${N},${A},TRUE)`;
      return `100*(COUNTIFS(${A},TRUE,${N},">=9")-COUNTIFS(${A},TRUE,${N},"<=6"))/COUNTIFS(${A},TRUE,${N},">=0")`;
    }
    case "ProductsPerAccount": {
      if (has("products")) return `AVERAGEIFS(${layout.range("products")},${A},TRUE)`;
      const products = table.productRevenue?.length ?? 0;
      if (products === 0) return undefined;
      // From the product block: revenue above 0 is a product owned (text typed over a revenue is none), per active
      // account; the block's columns stand side by side, so one SUMPRODUCT reads them as one range.
      const [first, last] = [layout.range("productRevenue0"), layout.range(`productRevenue${products - 1}`)];
      const block = `${first.slice(0, first.indexOf(":"))}:${last.slice(last.indexOf(":") + 1)}`;
      return `SUMPRODUCT(${A}*ISNUMBER(${block})*(${block}>0))/COUNTIF(${A},TRUE)`;
    }
    case "CLV":
      return has("clv") ? `AVERAGE(${layout.range("clv")})` : undefined;
    case "CustomerEquity":
      return has("clv") ? `SUM(${layout.range("clv")})` : undefined;
    case "AtRisk":
      return has("atRisk") ? `COUNTIF(${layout.range("atRisk")},TRUE)` : undefined;
  }
}
