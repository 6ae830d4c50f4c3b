export * from "./actor";
export * from "./district-admin";
export * from "./note-visibility";
export * from "./policy";
export * from "./relations";
export * from "./templates";
