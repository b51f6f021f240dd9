/** Cohort retention models for contractual key accounts: the shifted-beta-geometric model (Fader & Hardie). */
export * from "./survivors";
export * from "./sbgModel";
export * from "./sbgFit";
export * from "./hypergeometric";
export * from "./lifetime";
