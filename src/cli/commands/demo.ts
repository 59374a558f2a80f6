// `demo`: what `npm start` does — the collection under Newman against the local IMS emulator.

import type { Command } from "../command.js";

export const demo: Command = {
  name: "demo",
  summary: "run the collection with Newman against a local IMS emulator (what npm start does)",
  usage: "postman-ims-auth demo",
  options: {},
  async run() {
    // Loaded when run: Newman takes most of a second to load, which no other command should pay.
    const { runDemo } = await import("../../runner/demo.js");
    const result = await runDemo();
    return result.passed ? 0 : 1;
  },
};
