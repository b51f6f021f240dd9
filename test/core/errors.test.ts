/** The domain error value (core/errors.ts): what isKamError accepts, and that a built error cannot be changed. */
import { describe, expect, it } from "vitest";
import { isKamError, kamError } from "../../src/core";

describe("KamError", () => {
  it("is told apart from every other value a core function or a cell can hold", () => {
    const e = kamError("value", "weights", "weights: 'x' is not a number.");
    expect(isKamError(e)).toBe(true);
    // null is an object to typeof: it must be refused, not read (a cell's blank comes through as null).
    for (const other of [null, undefined, 0, "", "KamError", [], { kind: "Error" }, { code: "#VALUE!" }])
      expect(isKamError(other), JSON.stringify(other)).toBe(false);
  });

  it("is frozen, so one error value can be shared by many cells", () => {
    const e = kamError("num", "rating", "rating: 7 is outside the 1–5 scale.");
    expect(Object.isFrozen(e)).toBe(true);
    expect(e).toEqual({
      kind: "KamError",
      code: "num",
      argument: "rating",
      message: "rating: 7 is outside the 1–5 scale.",
    });
  });
});
