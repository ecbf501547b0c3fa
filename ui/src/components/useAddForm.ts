import { useState, type FormEvent } from "react";
import type { CommandError } from "../bindings";
import { asCommandError } from "../lib/api";
import { fieldErrors, splitError, useErrorText } from "./errors";

/** A small add-form: keeps its values on an error, marks the field the core names. */
export function useAddForm<T extends Record<string, string>>(
  empty: T,
  save: (values: T) => Promise<unknown>,
) {
  const text = useErrorText();
  const [values, setValues] = useState<T>(empty);
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof T & string) => ({
    name,
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
      setSaved(false);
    },
    error: fieldErrors(errors, text)(name),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    save(values)
      .then(() => {
        setValues(empty);
        setErrors({});
        setSaved(true);
      })
      .catch((caught: unknown) => {
        const { field: f, form } = splitError(asCommandError(caught));
        setErrors(f);
        setFormError(form);
        setSaved(false);
      })
      .finally(() => setBusy(false));
  };
  const set = (name: keyof T & string, value: string) =>
    setValues((v) => ({ ...v, [name]: value }));
  return { values, field, submit, formError, saved, busy, set, errorOf: fieldErrors(errors, text) };
}
