import { Alert, Button, Stack, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import type { AccountPolicy, CommandError } from "../../bindings";
import { useDesk } from "../../context";
import { api, asCommandError } from "../../lib/api";
import { toAsciiDigits } from "../../lib/digits";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../../components/errors";

const FIELDS: { key: keyof AccountPolicy; label: string }[] = [
  { key: "min_password_chars", label: "ui-policy-min-password" },
  { key: "lockout_attempts", label: "ui-policy-lockout-attempts" },
  { key: "lockout_minutes", label: "ui-policy-lockout-minutes" },
  { key: "idle_minutes", label: "ui-policy-idle-minutes" },
];

/** The account policy: password length, sign-in lockout, idle lock. The core checks ranges. */
export function PolicySettings() {
  const { m } = useDesk();
  const text = useErrorText();
  const queries = useQueryClient();
  const policy = useQuery({ queryKey: ["policy"], queryFn: api.accountPolicy });
  // As typed (any digits); the core checks the ranges.
  const [values, setValues] = useState<Record<keyof AccountPolicy, string> | null>(null);
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const p = policy.data;
    if (p)
      setValues({
        min_password_chars: m.digits(p.min_password_chars),
        lockout_attempts: m.digits(p.lockout_attempts),
        lockout_minutes: m.digits(p.lockout_minutes),
        idle_minutes: m.digits(p.idle_minutes),
      });
  }, [policy.data, m]);
  if (!values) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setFormError(null);
    const number = (text: string) => {
      const n = Number(toAsciiDigits(text.trim()));
      return Number.isInteger(n) && n >= 0 ? n : 0;
    };
    api
      .setAccountPolicy({
        min_password_chars: number(values.min_password_chars),
        lockout_attempts: number(values.lockout_attempts),
        lockout_minutes: number(values.lockout_minutes),
        idle_minutes: number(values.idle_minutes),
      })
      .then((fresh) => {
        queries.setQueryData(["policy"], fresh);
        setErrors({});
        setSaved(true);
      })
      .catch((caught: unknown) => {
        const { field, form } = splitError(asCommandError(caught));
        setErrors(field);
        setFormError(form);
      });
  };
  const err = fieldErrors(errors, text);
  return (
    <form onSubmit={submit} noValidate data-testid="policy-form">
      <Stack maw={420}>
        <ErrorAlert error={formError} />
        {saved && (
          <Alert color="teal" data-testid="policy-saved">
            {m.t("ui-saved")}
          </Alert>
        )}
        {FIELDS.map(({ key, label }) => (
          <TextInput
            key={key}
            name={key}
            label={m.t(label)}
            value={values[key]}
            inputMode="numeric"
            onChange={(e) => setValues({ ...values, [key]: e.currentTarget.value })}
            error={err(key)}
          />
        ))}
        <Button type="submit" data-testid="policy-save">
          {m.t("ui-save")}
        </Button>
      </Stack>
    </form>
  );
}
