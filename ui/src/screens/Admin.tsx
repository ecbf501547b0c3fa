import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  Select,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useDesk } from "../context";
import { api } from "../lib/api";
import { options, useVocabulary } from "../lib/vocabulary";
import { isolateLtr } from "../lib/digits";
import { ErrorAlert } from "../components/errors";
import { useAddForm } from "../components/useAddForm";
import { UserActions } from "./admin/UserActions";
import { PolicySettings } from "./admin/Policy";
import { BackupSettings } from "./admin/Backup";
import { ConnectionSettingsPanel } from "./admin/Connection";
import { NoticesSettings } from "./admin/Notices";
import { DelegationsSettings } from "./admin/Delegations";
import { RegisterImport } from "./admin/RegisterImport";
import { AgencyAccountsSettings } from "./admin/AgencyAccounts";
import { ApiTokensSettings } from "./admin/ApiTokens";
import { SigningKeysSettings } from "./admin/SigningKeys";
import { CalendarSettingsPanel } from "./admin/Calendar";
import { MailSettingsPanel } from "./admin/Mail";
import { DocumentScansButton } from "./admin/DocumentScans";
import { DuplicateOrganizations } from "./admin/Duplicates";

function AddForm({
  title,
  testId,
  form,
  children,
}: {
  title: string;
  testId: string;
  form: Pick<ReturnType<typeof useAddForm>, "submit" | "formError" | "saved" | "busy">;
  children: ReactNode;
}) {
  const { m } = useDesk();
  return (
    <form onSubmit={form.submit} noValidate data-testid={testId}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      <ErrorAlert error={form.formError} />
      {form.saved && (
        <Alert color="teal" mb="xs" data-testid={`${testId}-saved`}>
          {m.t("ui-saved")}
        </Alert>
      )}
      <div className="form-grid">{children}</div>
      <Button type="submit" mt="sm" loading={form.busy} data-testid={`${testId}-submit`}>
        {title}
      </Button>
    </form>
  );
}

function Users() {
  const { m } = useDesk();
  const vocabulary = useVocabulary();
  const queries = useQueryClient();
  const users = useQuery({ queryKey: ["users"], queryFn: api.listUsers });
  const form = useAddForm({ username: "", display_name: "", role: "clerk", password: "" }, (v) =>
    api.addUser(v).then(() => queries.invalidateQueries({ queryKey: ["users"] })),
  );
  return (
    <>
      <AddForm title={m.t("ui-user-add")} testId="add-user" form={form}>
        <TextInput label={m.t("ui-field-username")} dir="ltr" {...form.field("username")} />
        <TextInput label={m.t("ui-field-display-name")} {...form.field("display_name")} />
        <Select
          name="role"
          label={m.t("ui-field-role")}
          value={form.values.role}
          allowDeselect={false}
          onChange={(v) => form.set("role", v ?? "clerk")}
          data={options(vocabulary?.roles, m)}
          error={form.errorOf("role")}
          data-testid="user-role"
        />
        <PasswordInput label={m.t("ui-field-password")} {...form.field("password")} />
      </AddForm>
      <Table mt="md" striped data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{m.t("ui-col-username")}</Table.Th>
            <Table.Th>{m.t("ui-col-name")}</Table.Th>
            <Table.Th>{m.t("ui-col-role")}</Table.Th>
            <Table.Th>{m.t("ui-col-active")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td dir="ltr">{u.username}</Table.Td>
              <Table.Td>
                <bdi>{u.display_name}</bdi>
              </Table.Td>
              <Table.Td>{m.spelled("role", u.role)}</Table.Td>
              <Table.Td>{u.active ? m.t("ui-yes") : m.t("ui-no")}</Table.Td>
              <Table.Td>
                <UserActions user={u} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

function Organizations() {
  const { m } = useDesk();
  const vocabulary = useVocabulary();
  const queries = useQueryClient();
  const [filter, setFilter] = useState("");
  const orgs = useQuery({
    queryKey: ["orgs", filter],
    queryFn: () => api.listOrganizations(filter),
  });
  const form = useAddForm({ name: "", kind: "agency", national_id: "" }, (v) =>
    api
      .addOrganization({ ...v, national_id: v.national_id.trim() ? v.national_id : null })
      .then(() => queries.invalidateQueries({ queryKey: ["orgs"] })),
  );
  return (
    <>
      <AddForm title={m.t("ui-org-add")} testId="add-org" form={form}>
        <TextInput label={m.t("ui-field-org-name")} {...form.field("name")} />
        <Select
          name="kind"
          label={m.t("ui-field-org-kind")}
          value={form.values.kind}
          allowDeselect={false}
          onChange={(v) => form.set("kind", v ?? "agency")}
          data={options(vocabulary?.org_kinds, m)}
          error={form.errorOf("kind")}
        />
        <TextInput label={m.t("ui-field-national-id")} dir="ltr" {...form.field("national_id")} />
      </AddForm>
      <TextInput
        mt="md"
        label={m.t("ui-filter-list")}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
      />
      <Table mt="xs" striped data-testid="orgs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{m.t("ui-col-name")}</Table.Th>
            <Table.Th>{m.t("ui-col-kind")}</Table.Th>
            <Table.Th>{m.t("ui-col-national-id")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orgs.data?.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <bdi>{o.name}</bdi>
              </Table.Td>
              <Table.Td>{m.spelled("kind", o.kind)}</Table.Td>
              <Table.Td>{o.national_id ? m.digits(o.national_id) : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

function Documents() {
  const { m, session } = useDesk();
  const queries = useQueryClient();
  const [filter, setFilter] = useState("");
  const docs = useQuery({ queryKey: ["docs", filter], queryFn: () => api.listDocuments(filter) });
  // The agency a document is held for: only that agency may ask for it on the portal. Which
  // kinds may hold documents is the core's rule (`vocabulary.requesting_org_kinds`).
  const owners = useQuery({
    queryKey: ["orgs", ""],
    queryFn: () => api.listOrganizations(""),
  });
  const vocabulary = useVocabulary();
  const ownerChoices = (owners.data ?? [])
    .filter((o) => vocabulary?.requesting_org_kinds.some((k) => k.value === o.kind))
    .map((o) => ({ value: o.id, label: o.name }));
  const ownerName = (id: string | null) =>
    (id && owners.data?.find((o) => o.id === id)?.name) || "—";
  const form = useAddForm(
    { registry_number: "", title: "", property_plate: "", location: "", organization_id: "" },
    (v) =>
      api
        .addDocument({
          registry_number: v.registry_number,
          title: v.title,
          property_plate: v.property_plate.trim() ? v.property_plate : null,
          location: v.location.trim() ? v.location : null,
          organization_id: v.organization_id ? v.organization_id : null,
        })
        .then(() => queries.invalidateQueries({ queryKey: ["docs"] })),
  );
  return (
    <>
      <AddForm title={m.t("ui-doc-add")} testId="add-doc" form={form}>
        <TextInput label={m.t("ui-field-registry-number")} {...form.field("registry_number")} />
        <TextInput label={m.t("ui-field-title")} {...form.field("title")} />
        <TextInput label={m.t("ui-field-plate")} {...form.field("property_plate")} />
        <TextInput label={m.t("ui-field-location")} {...form.field("location")} />
        <Select
          name="organization_id"
          label={m.t("ui-field-doc-owner")}
          placeholder={m.t("ui-doc-owner-none")}
          value={form.values.organization_id || null}
          clearable
          searchable
          onChange={(v) => form.set("organization_id", v ?? "")}
          data={ownerChoices}
          error={form.errorOf("organization_id")}
        />
      </AddForm>
      {session.permissions.imports_register && <RegisterImport />}
      <TextInput
        mt="md"
        label={m.t("ui-filter-list")}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
      />
      <Table mt="xs" striped data-testid="docs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{m.t("ui-col-registry-number")}</Table.Th>
            <Table.Th>{m.t("ui-col-title")}</Table.Th>
            <Table.Th>{m.t("ui-col-plate")}</Table.Th>
            <Table.Th>{m.t("ui-field-doc-owner")}</Table.Th>
            <Table.Th>{m.t("ui-col-in-repository")}</Table.Th>
            <Table.Th>{m.t("ui-doc-scans")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {docs.data?.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td className="nowrap">
                <bdi>{m.digits(d.registry_number)}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi>{d.title}</bdi>
              </Table.Td>
              <Table.Td className="nowrap">
                {d.property_plate ? <bdi>{m.digits(d.property_plate)}</bdi> : "—"}
              </Table.Td>
              <Table.Td data-testid="doc-owner">
                <bdi>{ownerName(d.organization_id)}</bdi>
              </Table.Td>
              <Table.Td>
                <Badge color={d.in_repository ? "teal" : "orange"} variant="light">
                  {d.in_repository ? m.t("ui-yes") : m.t("ui-no")}
                </Badge>
              </Table.Td>
              <Table.Td>
                <DocumentScansButton doc={d} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

export function AdminScreen({
  database,
  onDatabaseChanged,
}: {
  database: string;
  onDatabaseChanged: () => void;
}) {
  const { m, session } = useDesk();
  const isAdmin = session.permissions.administers;
  return (
    <Paper p="md" withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{m.t("ui-admin-title")}</Title>
        <Text size="xs" c="dimmed" data-testid="database-location">
          {m.t("ui-database-location", { path: isolateLtr(database) })}
        </Text>
      </Group>
      <Tabs defaultValue={isAdmin ? "users" : "orgs"} keepMounted={false}>
        <Tabs.List>
          {isAdmin && (
            <Tabs.Tab value="users" data-testid="tab-users">
              {m.t("ui-tab-users")}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="orgs" data-testid="tab-orgs">
            {m.t("ui-tab-orgs")}
          </Tabs.Tab>
          <Tabs.Tab value="docs" data-testid="tab-docs">
            {m.t("ui-tab-docs")}
          </Tabs.Tab>
          {isAdmin && (
            <>
              <Tabs.Tab value="policy" data-testid="tab-policy">
                {m.t("ui-tab-policy")}
              </Tabs.Tab>
              <Tabs.Tab value="backup" data-testid="tab-backup">
                {m.t("ui-tab-backup")}
              </Tabs.Tab>
              <Tabs.Tab value="delegations" data-testid="tab-delegations">
                {m.t("ui-tab-delegations")}
              </Tabs.Tab>
              <Tabs.Tab value="agency-users" data-testid="tab-agency-users">
                {m.t("ui-tab-agency-users")}
              </Tabs.Tab>
              <Tabs.Tab value="api-tokens" data-testid="tab-api-tokens">
                {m.t("ui-tab-api-tokens")}
              </Tabs.Tab>
              <Tabs.Tab value="signing-keys" data-testid="tab-signing-keys">
                {m.t("ui-tab-signing-keys")}
              </Tabs.Tab>
              <Tabs.Tab value="notices" data-testid="tab-notices">
                {m.t("ui-tab-notices")}
              </Tabs.Tab>
              <Tabs.Tab value="calendar" data-testid="tab-calendar">
                {m.t("ui-tab-calendar")}
              </Tabs.Tab>
              <Tabs.Tab value="mail" data-testid="tab-mail">
                {m.t("ui-tab-mail")}
              </Tabs.Tab>
              <Tabs.Tab value="connection" data-testid="tab-connection">
                {m.t("ui-tab-connection")}
              </Tabs.Tab>
            </>
          )}
        </Tabs.List>
        {isAdmin && (
          <Tabs.Panel value="users" pt="md">
            <Users />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="orgs" pt="md">
          <Organizations />
          {isAdmin && <DuplicateOrganizations />}
        </Tabs.Panel>
        <Tabs.Panel value="docs" pt="md">
          <Documents />
        </Tabs.Panel>
        {isAdmin && (
          <>
            <Tabs.Panel value="policy" pt="md">
              <PolicySettings />
            </Tabs.Panel>
            <Tabs.Panel value="backup" pt="md">
              <BackupSettings />
            </Tabs.Panel>
            <Tabs.Panel value="delegations" pt="md">
              <DelegationsSettings />
            </Tabs.Panel>
            <Tabs.Panel value="agency-users" pt="md">
              <AgencyAccountsSettings />
            </Tabs.Panel>
            <Tabs.Panel value="api-tokens" pt="md">
              <ApiTokensSettings />
            </Tabs.Panel>
            <Tabs.Panel value="signing-keys" pt="md">
              <SigningKeysSettings />
            </Tabs.Panel>
            <Tabs.Panel value="notices" pt="md">
              <NoticesSettings />
            </Tabs.Panel>
            <Tabs.Panel value="calendar" pt="md">
              <CalendarSettingsPanel />
            </Tabs.Panel>
            <Tabs.Panel value="mail" pt="md">
              <MailSettingsPanel />
            </Tabs.Panel>
            <Tabs.Panel value="connection" pt="md">
              <ConnectionSettingsPanel onDatabaseChanged={onDatabaseChanged} />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
    </Paper>
  );
}
