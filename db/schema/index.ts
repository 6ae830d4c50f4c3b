export * from "./assessments";
export * from "./common";
export * from "./district";
export * from "./interventions";
export * from "./people";
export * from "./platform";
