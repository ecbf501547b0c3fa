import { Badge, Button, Code, Group, Select, Table, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useDesk } from "../../context";
import { useVocabulary } from "../../lib/vocabulary";
import { api } from "../../lib/api";
import { ErrorAlert } from "../../components/errors";
import { useAddForm } from "../../components/useAddForm";

const EMPTY = { username: "", display_name: "", organization_id: "", password: "" };

/**
 * Agency accounts (کاربران دستگاه‌ها): officers of one agency who sign in on the portal only.
 * The same use cases as `sanad portal-user`: add, reset (a one-time password shown once),
 * deactivate and reactivate. The core checks the policy and the agency and names the field.
 */
export function AgencyAccountsSettings() {
  const { m } = useDesk();
  const queries = useQueryClient();
  const list = useQuery({ queryKey: ["agency-users"], queryFn: api.listAgencyUsers });
  const vocabulary = useVocabulary();
  const orgs = useQuery({ queryKey: ["orgs", ""], queryFn: () => api.listOrganizations("") });
  const [oneTime, setOneTime] = useState<{ user: string; password: string } | null>(null);
  const refresh = () => void queries.invalidateQueries({ queryKey: ["agency-users"] });
  const { values, field, submit, formError, busy, set, errorOf } = useAddForm(EMPTY, (v) =>
    api.addAgencyUser(v).then(refresh),
  );
  const agencies = (orgs.data ?? [])
    .filter((o) => vocabulary?.portal_org_kinds.some((k) => k.value === o.kind))
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <form onSubmit={submit} noValidate data-testid="agency-user-form">
        <ErrorAlert error={formError} />
        <div className="form-grid">
          <TextInput label={m.t("ui-field-username")} dir="ltr" {...field("username")} />
          <TextInput label={m.t("ui-field-display-name")} {...field("display_name")} />
          <Select
            name="organization_id"
            label={m.t("field-organization-id")}
            value={values.organization_id || null}
            searchable
            onChange={(v) => set("organization_id", v ?? "")}
            data={agencies}
            error={errorOf("organization_id")}
          />
          <TextInput
            label={m.t("ui-field-password")}
            type="password"
            dir="ltr"
            {...field("password")}
          />
        </div>
        <Button type="submit" mt="sm" loading={busy} data-testid="agency-user-submit">
          {m.t("ui-agency-user-add")}
        </Button>
      </form>
      {oneTime && (
        <Group mt="sm" data-testid="agency-one-time">
          {m.t("ui-agency-one-time", { user: oneTime.user })}
          <Code dir="ltr">{oneTime.password}</Code>
        </Group>
      )}
      <Table mt="md" striped data-testid="agency-user-list">
        <Table.Tbody>
          {list.data?.map((a) => (
            <Table.Tr key={a.id} data-user={a.username}>
              <Table.Td>
                <bdi>{a.username}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi>{a.display_name}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi>{a.organization_name}</bdi>
              </Table.Td>
              <Table.Td>
                <Badge color={a.active ? "teal" : "gray"}>
                  {a.active ? m.t("ui-yes") : m.t("ui-no")}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() =>
                      void api
                        .resetAgencyPassword(a.username)
                        .then((password) => setOneTime({ user: a.username, password }))
                    }
                  >
                    {m.t("ui-agency-user-reset")}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="light"
                    color={a.active ? "red" : "teal"}
                    onClick={() =>
                      void api.setAgencyUserActive(a.username, !a.active).then(refresh)
                    }
                  >
                    {a.active ? m.t("ui-agency-user-deactivate") : m.t("ui-agency-user-activate")}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
