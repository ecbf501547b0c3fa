import { Button, Group, Paper, Select, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { CommandError, RequestSummary, SearchQuery } from "../bindings";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { options, useVocabulary } from "../lib/vocabulary";
import { toAsciiDigits } from "../lib/digits";
import type { PickedOrg } from "../lib/requestForm";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../components/errors";
import { JalaliDateInput } from "../components/JalaliDateInput";
import { OrgPicker } from "../components/Pickers";
import { RequestTable } from "../components/RequestTable";

interface Filters {
  code: string;
  org: PickedOrg | null;
  letter: string;
  status: string | null;
  from: string;
  to: string;
  text: string;
}

const EMPTY: Filters = {
  code: "",
  org: null,
  letter: "",
  status: null,
  from: "",
  to: "",
  text: "",
};

function toQuery(f: Filters, cursor: string | null): SearchQuery {
  const opt = (s: string) => (s.trim() ? s.trim() : null);
  return {
    code: opt(toAsciiDigits(f.code)),
    org: f.org?.id ?? null,
    letter: opt(f.letter),
    status: f.status,
    from: opt(toAsciiDigits(f.from)),
    to: opt(toAsciiDigits(f.to)),
    text: opt(f.text),
    cursor,
    limit: 50,
  };
}

export function SearchScreen() {
  const { m } = useDesk();
  const vocabulary = useVocabulary();
  const text = useErrorText();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<RequestSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const err = fieldErrors(errors, text);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setErrors((e) => {
      const rest = { ...e };
      delete rest[k];
      return rest;
    });
  };

  const run = (cursor: string | null) => {
    setBusy(true);
    setFormError(null);
    api
      .search(toQuery(filters, cursor))
      .then((page) => {
        setItems((old) => (cursor && old ? [...old, ...page.items] : page.items));
        setNext(page.next);
        setErrors({});
      })
      .catch((e: unknown) => {
        const { field, form } = splitError(asCommandError(e));
        setErrors(field);
        setFormError(form);
      })
      .finally(() => setBusy(false));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(null);
  };

  return (
    <Paper p="md" withBorder>
      <form onSubmit={submit} noValidate data-testid="search-form">
        <Title order={3} mb="sm">
          {m.t("ui-search-title")}
        </Title>
        <ErrorAlert error={formError} />
        <div className="form-grid">
          <TextInput
            name="code"
            label={m.t("ui-filter-code")}
            value={filters.code}
            onChange={(e) => set("code", e.currentTarget.value)}
            error={err("code")}
            dir="ltr"
          />
          <OrgPicker
            name="org"
            label={m.t("ui-filter-org")}
            value={filters.org}
            onChange={(v) => set("org", v)}
            error={err("org")}
          />
          <TextInput
            name="letter"
            label={m.t("ui-filter-letter")}
            value={filters.letter}
            onChange={(e) => set("letter", e.currentTarget.value)}
            error={err("letter")}
          />
          <Select
            name="status"
            label={m.t("ui-filter-status")}
            placeholder={m.t("ui-any")}
            clearable
            value={filters.status}
            onChange={(v) => set("status", v)}
            data={options(vocabulary?.statuses, m)}
            error={err("status")}
          />
          <JalaliDateInput
            name="from"
            label={m.t("ui-filter-from")}
            value={filters.from}
            onChange={(v) => set("from", v)}
            error={err("from")}
          />
          <JalaliDateInput
            name="to"
            label={m.t("ui-filter-to")}
            value={filters.to}
            onChange={(v) => set("to", v)}
            error={err("to")}
          />
          <TextInput
            className="wide"
            name="text"
            label={m.t("ui-filter-text")}
            value={filters.text}
            onChange={(e) => set("text", e.currentTarget.value)}
            error={err("text")}
          />
        </div>
        <Group mt="md">
          <Button type="submit" loading={busy} data-testid="search-run">
            {m.t("ui-search-run")}
          </Button>
        </Group>
      </form>
      {items && items.length === 0 && (
        <Text c="dimmed" mt="md" data-testid="search-none">
          {m.t("ui-search-none")}
        </Text>
      )}
      {items && items.length > 0 && <RequestTable items={items} testId="search-results" />}
      {next && (
        <Button variant="light" mt="sm" onClick={() => run(next)} loading={busy}>
          {m.t("ui-more")}
        </Button>
      )}
    </Paper>
  );
}
