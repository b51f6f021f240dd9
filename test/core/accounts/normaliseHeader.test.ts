import { describe, expect, it } from "vitest";
import { headerYear, normaliseHeader } from "../../../src/core";

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

describe("year tags in headers (issue 21, mutation survivors)", () => {
  it("drops a quarter tag with its year, written with or without a space or an apostrophe", () => {
    expect(normaliseHeader("Revenue Q3 24")).toBe("revenue");
    expect(normaliseHeader("Revenue Q4'25")).toBe("revenue");
    expect(normaliseHeader("Umsatz Q1 2025")).toBe("umsatz");
    // Q5 is no quarter: kept as written, with its number
    expect(normaliseHeader("Revenue Q5 24")).toBe("revenue q5 24");
  });

  it("reads a fiscal year of four digits written against its tag", () => {
    expect(headerYear("Revenue FY2024")).toBe(2024);
    expect(headerYear("Umsatz GJ2025")).toBe(2025);
    expect(headerYear("Revenue FY'24")).toBe(2024);
    expect(headerYear("Revenue FY 23")).toBe(2023);
    expect(headerYear("Revenue FY202")).toBeUndefined();
  });
});
