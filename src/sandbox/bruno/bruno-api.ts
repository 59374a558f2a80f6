// The slice of Bruno's script API (`bru`, `req`, `res`, `test`) the adapter uses: the same in safe mode (QuickJS) and developer mode (Node vm).

export interface BrunoFormField {
  name: string;
  value: string;
  enabled?: boolean;
  [extra: string]: unknown;
}

export interface BrunoSendRequestConfig {
  method: string;
  url: string;
  headers: Record<string, string>;
  data: string;
  /** null: every HTTP status is an answer (axios); safe mode loses an error's response otherwise. */
  validateStatus: null;
  /** The body as sent, unparsed: what IMS answered, byte for byte. */
  responseType: "text";
}

export interface BrunoSendResponse {
  readonly status: number;
  readonly headers?: Record<string, string | undefined>;
  readonly data?: unknown;
}

export interface Bru {
  interpolate(template: string): unknown;
  getVar(name: string): unknown;
  setVar(name: string, value: string): void;
  hasVar(name: string): boolean;
  deleteVar(name: string): void;
  getEnvName(): string | undefined;
  getEnvVar(name: string): unknown;
  /** `bru run` writes what a script sets here back into the environment's file. */
  setEnvVar(name: string, value: string): void;
  sendRequest(
    config: BrunoSendRequestConfig,
    callback: (error: { code?: string } | null, response: BrunoSendResponse | null) => void,
  ): Promise<unknown>;
  readonly runner: { skipRequest(): void };
}

export interface BrunoRequest {
  getUrl(): string;
  getName(): string;
  /** Before the request: the form's fields; after it: the body as sent (a=b&c=d). */
  getBody(): unknown;
  setBody(body: unknown): void;
  getHeader(name: string): string | undefined | null;
}

export interface BrunoResponse {
  getStatus(): number;
  getHeader(name: string): string | undefined | null;
  getBody(): unknown;
}

export type BrunoTest = (name: string, fn: () => void) => void;
