import { describe, expect, it } from "vitest";
import { isDarkOfficeTheme } from "../../src/taskpane/theme";

describe("the pane's theme follows Office's", () => {
  it("takes Office's own flag where it gives one", () => {
    expect(isDarkOfficeTheme({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe(true);
    expect(isDarkOfficeTheme({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(false);
  });

  it("else reads the body background: Office's dark grey and black are dark, white and light grey light", () => {
    // Office's theme colours: Black #262626 (body) and Dark Gray #666666; White #ffffff, Colorful #f3f2f1
    expect(["#262626", "#000000", "#666666"].map((c) => isDarkOfficeTheme({ bodyBackgroundColor: c }))).toEqual([
      true,
      true,
      true,
    ]);
    expect(["#ffffff", "#f3f2f1", "#d0d0d0"].map((c) => isDarkOfficeTheme({ bodyBackgroundColor: c }))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("is light without a theme or with a colour it cannot read", () => {
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "rgb(0,0,0)" })).toBe(false);
  });
});
