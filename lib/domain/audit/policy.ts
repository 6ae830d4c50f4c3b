/**
 * The district-admin predicates live in lib/domain/policy (district-admin.ts) with the rest of
 * who may do what. This re-export serves the modules that still import them from here:
 * lib/domain/tokens/schemas.ts, lib/use-cases/imports and lib/use-cases/jobs.
 */
export {
  canExportStudentRecord,
  canManageAccounts,
  canManageApiTokens,
  canReadAuditTrail,
  canReadEventFeed,
  isDistrictAdmin,
  isLoggedReader,
  TOKEN_ROLES,
  type TokenRole,
} from "../policy/district-admin";
