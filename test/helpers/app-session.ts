// A Postman app session: one collection and one environment kept from Send to Send, as the app keeps them for days.

import type { EnvironmentFile } from "../../src/generator/environment/environments.js";
import type { RunOptions, RunResult } from "../../src/runner/run-result.js";
import { runWithPostmanRuntime } from "../../src/runner/runtime-run.js";

type Json = Record<string, unknown>;

/**
 * Each Send is one postman-runtime run (the app's engine) of one request or folder, or of the whole collection
 * (Run collection). What a run leaves in the environment and in the collection's variables is what the next
 * one starts with; local variables (pm.variables) are not kept, as in the app.
 */
export class AppSession {
  /** The environment's values now: edit them as a user edits the environment between Sends. */
  readonly environment: Record<string, string>;
  /** The collection's variables now (current values), as the app keeps them. */
  readonly collectionVariables: Record<string, string>;
  private readonly collection: Json;
  private readonly environmentName: string;

  constructor(
    collection: unknown,
    environment: EnvironmentFile,
    private readonly options: Partial<RunOptions> = {},
  ) {
    this.collection = structuredClone(collection) as Json;
    this.environmentName = environment.name;
    this.environment = Object.fromEntries(environment.values.map((variable) => [variable.key, String(variable.value ?? "")]));
    const variables = Array.isArray(this.collection.variable) ? (this.collection.variable as Json[]) : [];
    this.collectionVariables = Object.fromEntries(variables.map((variable) => [String(variable.key), String(variable.value ?? "")]));
  }

  /** Sends one request (by name), or runs one folder, as the app does: collection-level scripts included. */
  send(name: string): Promise<RunResult> {
    return this.run({ folder: name });
  }

  /** Run collection: every request, in order. */
  runAll(options: Partial<RunOptions> = {}): Promise<RunResult> {
    return this.run(options);
  }

  /** Switches to another environment, keeping this one's values for a switch back. */
  switchEnvironment(values: Record<string, string>): Record<string, string> {
    const previous = { ...this.environment };
    for (const key of Object.keys(this.environment)) delete this.environment[key];
    Object.assign(this.environment, values);
    return previous;
  }

  private async run(options: Partial<RunOptions>): Promise<RunResult> {
    const collection = {
      ...this.collection,
      variable: Object.entries(this.collectionVariables).map(([key, value]) => ({ key, value, type: "string" })),
    };
    const environment = {
      name: this.environmentName,
      values: Object.entries(this.environment).map(([key, value]) => ({ key, value, type: "default", enabled: true })),
    };
    const result = await runWithPostmanRuntime({ ...this.options, ...options, collection, environment });
    for (const key of Object.keys(this.environment)) delete this.environment[key];
    Object.assign(this.environment, result.environment);
    if (result.collectionVariables) {
      for (const key of Object.keys(this.collectionVariables)) delete this.collectionVariables[key];
      Object.assign(this.collectionVariables, result.collectionVariables);
    }
    return result;
  }
}
