/** The key-account portfolio: segmentation grid, per-account metrics and the dashboard's KPIs. */
export * from "./kpiIds";
export * from "./segments";
export * from "./options";
export * from "./metrics";
export * from "./kpis";
export * from "./savedChoices";
