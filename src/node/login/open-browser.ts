// Opening a URL in the user's browser: $BROWSER when set (as xdg-utils and Python's webbrowser read it), else the system's opener.

import { spawn } from "node:child_process";

/**
 * The command that opens `url`: the first entry of $BROWSER (colon-separated; `%s` stands for the URL, else it
 * is the last argument), else xdg-open, open (macOS) or start (Windows). Nothing is run through a shell.
 */
export function browserCommand(url: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): [string, string[]] {
  const configured = (env.BROWSER ?? "").split(":")[0]?.trim() ?? "";
  if (configured !== "") {
    const [program = "", ...args] = configured.split(/\s+/);
    return args.some((arg) => arg.includes("%s")) ? [program, args.map((arg) => arg.replace("%s", url))] : [program, [...args, url]];
  }
  if (platform === "darwin") return ["open", [url]];
  if (platform === "win32") return ["cmd", ["/c", "start", '""', url.replace(/&/g, "^&")]];
  return ["xdg-open", [url]];
}

/** Starts the browser and does not wait for it; false when the command could not be started (the URL is printed anyway). */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const [program, args] = browserCommand(url, env);
  return new Promise((resolve) => {
    try {
      const child = spawn(program, args, { stdio: "ignore", detached: true, env });
      child.once("error", () => resolve(false));
      child.once("spawn", () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
