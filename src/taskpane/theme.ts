/** What Office.context.officeTheme may hold (ExcelApi hosts give both; older builds only the colours). */
export interface OfficeThemeLike {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
}

/**
 * Whether Office shows a dark theme: its own flag where given, else a body background darker than mid-grey (relative
 * luminance below 0.5, WCAG's formula for sRGB). No theme, or a colour that cannot be read, is light.
 */
export function isDarkOfficeTheme(theme: OfficeThemeLike | undefined): boolean {
  if (typeof theme?.isDarkTheme === "boolean") return theme.isDarkTheme;
  const hex = /^#?([0-9a-f]{6})$/i.exec(theme?.bodyBackgroundColor?.trim() ?? "")?.[1];
  if (!hex) return false;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
