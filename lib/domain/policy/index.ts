export * from "./actor";
export * from "./policy";
