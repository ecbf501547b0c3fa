import { Alert } from "@mantine/core";
import type { CommandError } from "../bindings";
import { useMessages } from "../context";

/** An error of the core, in the UI's language. */
export function useErrorText() {
  const m = useMessages();
  return (error: CommandError | null | undefined) =>
    error ? m.t(error.messageId, error.args) : undefined;
}

/** Errors of a form, by the core's field name, for the `error` prop of each input. */
export function fieldErrors(
  errors: Record<string, CommandError>,
  text: (e: CommandError) => string | undefined,
) {
  return (field: string) => (errors[field] ? text(errors[field]) : undefined);
}

/** An error that names no field, shown above the form. */
export function ErrorAlert({ error }: { error: CommandError | null }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" data-testid="form-error" mb="sm">
      {text(error)}
    </Alert>
  );
}

/** Splits a caught error into every field it names (the core reports all the bad fields of a
 * submit at once, in `fields`) or the form as a whole. */
export function splitError(error: CommandError): {
  field: Record<string, CommandError>;
  form: CommandError | null;
} {
  if (!error.field) return { field: {}, form: error };
  const field: Record<string, CommandError> = { [error.field]: error };
  for (const f of error.fields ?? []) {
    field[f.field] ??= { ...error, field: f.field, messageId: f.messageId, args: f.args };
  }
  return { field, form: null };
}

/**
 * The one check the UI makes itself: that a new password was typed the same twice (the core never
 * sees the repeat). `null` when they match.
 */
export function repeatMismatch(
  password: string,
  repeat: string,
): Record<string, CommandError> | null {
  return password === repeat
    ? null
    : { password_repeat: { code: "invalid_input", messageId: "ui-passwords-differ", args: {} } };
}
