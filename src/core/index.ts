/**
 * The public API of the calculation core: pure functions over plain numbers and arrays, no Office types, no I/O.
 * Everything the add-in computes is exported from here; hosts (cells, taskpane, command line) only move data.
 */
export * from "./errors";
export * from "./score";
export * from "./scoreParts";
export * from "./whitespace";
export * from "./clv";
export * from "./churn";
export * from "./cohort";
export * from "./accounts";
export * from "./nps";
export * from "./revenueRetention";
export * from "./portfolio";
export * from "./history";
