// Adobe ended Developer Console Service Account (JWT) credentials; AEM as a Cloud Service still issues JWT service credentials.

/** The title of Adobe's migration guide, as users will search for it. */
export const JWT_MIGRATION_GUIDE = "Migrating from Service Account (JWT) credential to OAuth Server-to-Server credential";

/** What Adobe announced: end of life 2025-06-30; they stop when their certificate expires or on 2026-03-01, whichever is first. */
export const JWT_END_OF_LIFE =
  "Adobe ended Developer Console Service Account (JWT) credentials (end of life 2025-06-30; they stop working when their certificate expires or on 2026-03-01, whichever is first)";

/** AEM as a Cloud Service service credentials: client ids like cm-p123-e456 (program and environment). */
export function isAemClientId(clientId: string): boolean {
  return /^cm-p\d+-e\d+/i.test(clientId.trim());
}

/** One sentence for a JWT credential that is not AEM's: what happened and where Adobe says how to move. */
export function jwtMigrationAdvice(): string {
  return `${JWT_END_OF_LIFE}: move this integration to an OAuth Server-to-Server credential (Adobe's guide "${JWT_MIGRATION_GUIDE}"). AEM as a Cloud Service service credentials (client id cm-p…-e…) are not affected.`;
}
