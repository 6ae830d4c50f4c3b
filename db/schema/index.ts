export * from "./assessments";
export * from "./district";
export * from "./interventions";
export * from "./people";
export * from "./platform";
export * from "./common";
