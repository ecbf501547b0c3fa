// The lists every select offers, asked of the core once per run (the `vocabulary` command):
// the window types no role, state or kind by hand. Labels are Fluent message ids.

import { useQuery } from "@tanstack/react-query";
import type { Choice, Vocabulary } from "../bindings";
import type { Messages } from "./i18n";
import { api } from "./api";

/** The core's lists; empty lists until the first answer (a few milliseconds). */
export function useVocabulary(): Vocabulary | undefined {
  return useQuery({ queryKey: ["vocabulary"], queryFn: api.vocabulary, staleTime: Infinity }).data;
}

/** A list as Mantine's `Select` takes it, labelled in the window's language. */
export function options(
  list: Choice[] | undefined,
  m: Messages,
): { value: string; label: string }[] {
  return (list ?? []).map((c) => ({ value: c.value, label: m.t(c.label_id) }));
}

/** `value` when the list has it, else the list's first value (the form's default). */
export function pick<T extends string>(list: Choice[] | undefined, value: string | null): T {
  const found = list?.find((c) => c.value === value) ?? list?.[0];
  return (found?.value ?? value ?? "") as T;
}
