export * from "./snapshot";
export * from "./takeSnapshot";
export * from "./compare";
export * from "./historyRows";
