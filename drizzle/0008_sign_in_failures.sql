CREATE TABLE "intervention"."sign_in_failures" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
-- No tenant: failures are counted before anyone is known. secure_tables() grants the app role
-- its privileges (docs/decisions/0003-database-roles-and-provisioning.md).
SELECT intervention.secure_tables();
