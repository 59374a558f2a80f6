// npm runs `prepare` when it installs this package from a git URL: build dist/ there, since git holds no build.
// Skipped by `npm ci` in a clone (npm start and npm test build anyway) and wherever dist/ is already built.

import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const built = ["dist/node/cli/main.js", "dist/sandbox/auto-auth.js"].every((file) => existsSync(file));
if (process.env.npm_command !== "ci" && !built) execSync("npm run compile", { stdio: "inherit" });
