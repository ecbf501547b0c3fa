import { Badge, Button, Select, Table, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useDesk } from "../../context";
import { api } from "../../lib/api";
import { ErrorAlert } from "../../components/errors";
import { useAddForm } from "../../components/useAddForm";
import { options, useVocabulary } from "../../lib/vocabulary";

const EMPTY = { from: "", to: "", role: "director", from_date: "", until: "", order: "", note: "" };

/**
 * Acting approvers, recorded from the appointing order: who is away, who acts, which role, a
 * half-open period in Jalali dates (Tehran time), the order's number. The core refuses what may
 * not be recorded and names the field; the list shows what is in force now.
 */
export function DelegationsSettings() {
  const { m } = useDesk();
  const queries = useQueryClient();
  const list = useQuery({ queryKey: ["delegations"], queryFn: () => api.delegations(false) });
  const users = useQuery({ queryKey: ["users"], queryFn: api.listUsers });
  const refresh = () => void queries.invalidateQueries({ queryKey: ["delegations"] });
  const { values, field, submit, formError, busy, set, errorOf } = useAddForm(EMPTY, (v) =>
    api.addDelegation({ ...v, note: v.note.trim() ? v.note : null }).then(refresh),
  );
  const vocabulary = useVocabulary();
  // People by name and role; the core decides who may be away or act (and says why not).
  const people = (users.data ?? [])
    .filter((u) => u.active)
    .map((u) => ({
      value: u.username,
      label: `${u.display_name} (${m.spelled("role", u.role)})`,
    }));
  const person = (name: "from" | "to", label: string) => (
    <Select
      name={name}
      label={m.t(label)}
      searchable
      value={values[name] || null}
      onChange={(v) => set(name, v ?? "")}
      data={people}
      error={errorOf(name)}
      data-testid={`delegation-${name}`}
    />
  );
  return (
    <>
      <form onSubmit={submit} noValidate data-testid="delegation-form">
        <ErrorAlert error={formError} />
        <div className="form-grid">
          {person("from", "field-from-user")}
          {person("to", "field-to-user")}
          <Select
            name="role"
            label={m.t("field-role")}
            value={values.role}
            allowDeselect={false}
            onChange={(v) => set("role", v ?? "director")}
            data={options(vocabulary?.delegable_roles, m)}
            error={errorOf("role")}
          />
          <TextInput
            label={m.t("field-from-date")}
            placeholder="1405/09/10"
            dir="ltr"
            {...field("from_date")}
          />
          <TextInput
            label={m.t("field-until")}
            description={m.t("ui-delegation-until-hint")}
            placeholder="1405/09/17"
            dir="ltr"
            {...field("until")}
          />
          <TextInput label={m.t("field-order")} {...field("order")} />
        </div>
        <TextInput mt="sm" label={m.t("field-note")} {...field("note")} />
        <Button type="submit" mt="sm" loading={busy} data-testid="delegation-submit">
          {m.t("ui-delegation-add")}
        </Button>
      </form>
      <Table mt="md" striped data-testid="delegation-list">
        <Table.Tbody>
          {list.data?.map((d) => (
            <Table.Tr key={d.id} data-delegation={d.id}>
              <Table.Td>
                {m.t("ui-delegation-line", {
                  to: d.to_name,
                  from: d.from_name,
                  role: d.role,
                })}
              </Table.Td>
              <Table.Td>
                {m.digits(d.starts_jalali)} — {m.digits(d.ends_jalali)}
              </Table.Td>
              <Table.Td>
                <bdi className="nowrap">{m.digits(d.order_number)}</bdi>
              </Table.Td>
              <Table.Td>
                {d.active && <Badge color="teal">{m.t("ui-delegation-active")}</Badge>}
                {d.ended_jalali && (
                  <Badge color="gray">{m.t("ui-delegation-ended", { at: d.ended_jalali })}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                {(d.active || (!d.ended_jalali && Date.parse(d.ends_at) > Date.now())) && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    data-testid="delegation-end"
                    onClick={() => void api.endDelegation(d.id).then(refresh)}
                  >
                    {m.t("ui-delegation-end")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
