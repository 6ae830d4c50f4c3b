export * from "./actor";
export * from "./district-admin";
export * from "./exits";
export * from "./families";
export * from "./note-visibility";
export * from "./policy";
export * from "./relations";
export * from "./templates";
