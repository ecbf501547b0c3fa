import { PasswordInput } from "@mantine/core";
import { useMessages } from "../context";

/**
 * A new password typed twice (`password`, `password_repeat`): the repeat is compared in the
 * window before sending (`repeatMismatch`); the rules themselves (length, not the user name) are
 * the core's, and come back as the `password` field's error.
 */
export function NewPasswordFields({
  label,
  password,
  repeat,
  onPassword,
  onRepeat,
  err,
}: {
  /** The first field's Fluent id. */
  label: string;
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  err: (field: string) => string | undefined;
}) {
  const m = useMessages();
  return (
    <>
      <PasswordInput
        name="password"
        label={m.t(label)}
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        error={err("password")}
        required
      />
      <PasswordInput
        name="password_repeat"
        label={m.t("ui-password-repeat")}
        value={repeat}
        onChange={(e) => onRepeat(e.currentTarget.value)}
        error={err("password_repeat")}
        required
      />
    </>
  );
}
