/** The account model: reading the analyst's table into validated, columnar accounts, and the saved settings. */
export * from "./address";
export * from "./cellValues";
export * from "./fields";
export * from "./headerRow";
export * from "./mapping";
export * from "./productBlock";
export * from "./table";
export * from "./validate";
export * from "./features";
export * from "./settings";
export * from "./savedMapping";
export * from "./criteriaProposal";
export * from "./revenuePeriods";
export * from "./issueKinds";
