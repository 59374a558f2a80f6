// Storing the refresh token IMS returned in place of the one it replaced, in the scope it was read from.

import { storeVariable, type Postman } from "./postman.js";

/**
 * IMS spends a refresh token on every renewal and returns the next one: it goes where the spent one was
 * found (environment, collection, globals: pm.variables' order), so that the next run reads it there and
 * an exported environment carries it. It is also set for this run (pm.variables), so that a value from a
 * data file, which outranks those scopes, cannot hand the spent token to the next renewal.
 */
export function storeWhereFound(pm: Postman, name: string, value: string): void {
  const scope = [pm.environment, pm.collectionVariables, pm.globals].find((candidate) => candidate?.has(name));
  if (scope) scope.set(name, value);
  else storeVariable(pm, name, value);
  pm.variables.set(name, value);
}
