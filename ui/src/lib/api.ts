// The desk's commands, as the window calls them: the client generated from the Rust commands
// (./commands.ts) plus the error type every call may reject with. Every rule is the core's:
// these only carry arguments and hand back results or a CommandError.

import type { CommandError } from "../bindings";
import { commands } from "./commands";

export function isCommandError(value: unknown): value is CommandError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as CommandError).code === "string" &&
    typeof (value as CommandError).messageId === "string"
  );
}

/** Anything thrown by a call, as a CommandError the UI can show. */
export function asCommandError(value: unknown): CommandError {
  if (isCommandError(value)) return value;
  console.error(value);
  return { code: "unexpected", messageId: "ui-error-unexpected", args: {} };
}

export const api = commands;
