import { MultiSelect, Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { OrgKind } from "../bindings";
import { useMessages } from "../context";
import { api } from "../lib/api";
import type { PickedDoc, PickedOrg } from "../lib/requestForm";

// Pickers search in the core (which normalizes Persian text: «كتاب» finds «کتاب»), so the
// options are shown as the core returns them, without filtering again here.
const noFilter = ({ options }: { options: unknown[] }) => options as never;

export function OrgPicker({
  label,
  value,
  onChange,
  error,
  name,
  kinds,
  required,
}: {
  label: string;
  value: PickedOrg | null;
  onChange: (org: PickedOrg | null) => void;
  error?: string;
  name: string;
  kinds?: OrgKind[];
  required?: boolean;
}) {
  const m = useMessages();
  const [search, setSearch] = useState("");
  const { data = [] } = useQuery({
    queryKey: ["orgs", search],
    queryFn: () => api.listOrganizations(search === value?.name ? "" : search),
  });
  const options = data
    .filter((o) => !kinds || kinds.includes(o.kind))
    .map((o) => ({ value: o.id, label: o.name }));
  if (value && !options.some((o) => o.value === value.id)) {
    options.unshift({ value: value.id, label: value.name });
  }
  return (
    <Select
      name={name}
      label={label}
      required={required}
      searchable
      clearable
      // Focus alone (a screen's first field on arrival, Tab) leaves the list shut: it opens on
      // typing, ↓ or a click, so it never covers the next fields unasked.
      openOnFocus={false}
      filter={noFilter}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id ? { id, name: option.label } : null)}
      placeholder={m.t("ui-org-placeholder")}
      nothingFoundMessage={m.t("ui-nothing-found")}
      error={error}
      data-testid={`picker-${name}`}
    />
  );
}

export function DocPicker({
  label,
  value,
  onChange,
  error,
  name,
}: {
  label: string;
  value: PickedDoc[];
  onChange: (docs: PickedDoc[]) => void;
  error?: string;
  name: string;
}) {
  const m = useMessages();
  const [search, setSearch] = useState("");
  const { data = [] } = useQuery({
    queryKey: ["docs", search],
    queryFn: () => api.listDocuments(search),
  });
  const options = data.map((d) => ({
    value: d.id,
    label: `${m.digits(d.registry_number)} — ${d.title}${d.property_plate ? ` (${m.digits(d.property_plate)})` : ""}`,
  }));
  for (const picked of value) {
    if (!options.some((o) => o.value === picked.id)) {
      options.push({ value: picked.id, label: picked.label });
    }
  }
  return (
    <MultiSelect
      name={name}
      label={label}
      required
      searchable
      openOnFocus={false}
      filter={noFilter}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value.map((d) => d.id)}
      onChange={(ids) =>
        onChange(ids.map((id) => ({ id, label: options.find((o) => o.value === id)?.label ?? id })))
      }
      placeholder={m.t("ui-doc-placeholder")}
      nothingFoundMessage={m.t("ui-nothing-found")}
      error={error}
      data-testid={`picker-${name}`}
    />
  );
}
