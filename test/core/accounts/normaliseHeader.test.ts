import { describe, expect, it } from "vitest";
import { normaliseHeader } from "../../../src/core";

describe("normaliseHeader", () => {
  it("drops a unit in round or square brackets, whatever it holds", () => {
    expect(normaliseHeader("Revenue FY25 (€)")).toBe("revenue");
    expect(normaliseHeader("Revenue (EUR)")).toBe("revenue");
    expect(normaliseHeader("Umsatz (in Tsd. EUR)")).toBe("umsatz");
    expect(normaliseHeader("Share of wallet [%]")).toBe("share of wallet");
    expect(normaliseHeader("Share of wallet [% of spend]")).toBe("share of wallet");
    expect(normaliseHeader("Revenue ()")).toBe("revenue");
  });

  it("keeps the words either side of a bracketed unit apart", () => {
    expect(normaliseHeader("Revenue(EUR)Prior year")).toBe("revenue prior year");
    expect(normaliseHeader("Umsatz[EUR]Vorjahr")).toBe("umsatz vorjahr");
  });

  it("drops accents, leaving the letters they sit on", () => {
    expect(normaliseHeader("Beziehungsstärke")).toBe("beziehungsstarke");
    expect(normaliseHeader("Part de portefeuille (société)")).toBe("part de portefeuille");
    expect(normaliseHeader("Chiffre d’affaires Année 2024")).toBe("chiffre d affaires annee");
  });
});
