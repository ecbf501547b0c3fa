import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { options, useVocabulary } from "../lib/vocabulary";
import { formatInstant } from "../lib/jalali";
import { ErrorAlert, useErrorText } from "../components/errors";
import { useAddForm } from "../components/useAddForm";
import { ReceiptDialog } from "../components/ReceiptDialog";
import type { ComplaintView } from "../bindings";

/** Complaints, suggestions and comments: the open list (or one state, or mine), and the desk's form. */
export function ComplaintsScreen() {
  const { m, session } = useDesk();
  const registers = session.permissions.registers_complaints;
  return (
    <Paper p="md" withBorder>
      <Title order={3} mb="sm">
        {m.t("ui-complaints-title")}
      </Title>
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list" data-testid="tab-complaints-list">
            {m.t("ui-complaints-list")}
          </Tabs.Tab>
          {registers && (
            <Tabs.Tab value="new" data-testid="tab-complaint-new">
              {m.t("ui-complaint-new")}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <ComplaintList />
        </Tabs.Panel>
        {registers && (
          <Tabs.Panel value="new" pt="md">
            <NewComplaintForm />
          </Tabs.Panel>
        )}
      </Tabs>
    </Paper>
  );
}

function ComplaintList() {
  const { m, go } = useDesk();
  const vocabulary = useVocabulary();
  const text = useErrorText();
  const [status, setStatus] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const list = useQuery({
    queryKey: ["complaints", status, mine],
    queryFn: () => api.complaints({ status, mine, limit: 200 }),
  });
  return (
    <>
      <Group mb="sm">
        <Select
          placeholder={m.t("ui-complaints-open")}
          value={status}
          onChange={setStatus}
          clearable
          data={options(vocabulary?.complaint_statuses, m)}
          w={220}
        />
        <Switch
          label={m.t("ui-complaints-mine")}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
        />
      </Group>
      {list.error && <Alert color="red">{text(asCommandError(list.error))}</Alert>}
      {list.data && list.data.length === 0 && <Text c="dimmed">{m.t("ui-complaints-none")}</Text>}
      {list.data && list.data.length > 0 && (
        <Table highlightOnHover striped data-testid="complaints-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{m.t("ui-col-code")}</Table.Th>
              <Table.Th>{m.t("ui-complaint-kind")}</Table.Th>
              <Table.Th>{m.t("ui-col-status")}</Table.Th>
              <Table.Th>{m.t("ui-complaint-person")}</Table.Th>
              <Table.Th>{m.t("ui-col-created")}</Table.Th>
              <Table.Th>{m.t("ui-col-deadline")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr
                key={c.tracking_code}
                className={c.overdue ? "row-link overdue-row" : "row-link"}
                tabIndex={0}
                data-code={c.tracking_code}
                onClick={() => go({ name: "complaint", code: c.tracking_code })}
                onKeyDown={(e) => {
                  if (e.key === "Enter") go({ name: "complaint", code: c.tracking_code });
                }}
              >
                <Table.Td>
                  <span className="code">{m.digits(c.tracking_code_grouped)}</span>
                </Table.Td>
                <Table.Td>{m.spelled("kind", c.kind)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.overdue ? "red" : "teal"}>
                    {m.spelled("status", c.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <bdi>{c.name}</bdi>
                </Table.Td>
                <Table.Td>{m.digits(formatInstant(c.created_at))}</Table.Td>
                <Table.Td>{c.deadline_at ? m.digits(formatInstant(c.deadline_at)) : "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

const EMPTY = { kind: "complaint", name: "", mobile: "", email: "", text: "", request_code: "" };

function NewComplaintForm() {
  const { m, go } = useDesk();
  const [receipt, setReceipt] = useState<ComplaintView | null>(null);
  const vocabulary = useVocabulary();
  const orNull = (s: string) => (s.trim() ? s : null);
  const { values, field, submit, formError, busy, set, errorOf } = useAddForm(EMPTY, (v) =>
    api
      .registerComplaint({
        kind: v.kind,
        name: v.name,
        mobile: orNull(v.mobile),
        email: orNull(v.email),
        text: v.text,
        request_code: orNull(v.request_code),
      })
      .then((view) => {
        // Its PIN is shown once, on the receipt; the complaint's page after it closes.
        if (view.tracking_pin) setReceipt(view);
        else go({ name: "complaint", code: view.tracking_code });
      }),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="complaint-form">
      {receipt?.tracking_pin && (
        <ReceiptDialog
          code={receipt.tracking_code}
          codeGrouped={receipt.tracking_code_grouped}
          pin={receipt.tracking_pin}
          complaint
          onClose={() => go({ name: "complaint", code: receipt.tracking_code })}
        />
      )}
      <ErrorAlert error={formError} />
      <div className="form-grid">
        <Select
          name="kind"
          label={m.t("ui-complaint-kind")}
          value={values.kind}
          allowDeselect={false}
          onChange={(v) => set("kind", v ?? "complaint")}
          data={options(vocabulary?.complaint_kinds, m)}
          error={errorOf("kind")}
          data-testid="complaint-kind"
        />
        <TextInput label={m.t("ui-complaint-person")} {...field("name")} required />
        <TextInput label={m.t("ui-complaint-mobile")} dir="ltr" {...field("mobile")} />
        <TextInput label={m.t("ui-complaint-email")} dir="ltr" {...field("email")} />
        <TextInput label={m.t("ui-complaint-request")} dir="ltr" {...field("request_code")} />
      </div>
      <Textarea
        mt="sm"
        label={m.t("ui-complaint-text")}
        rows={3}
        resize="vertical"
        dir="auto"
        {...field("text")}
        required
      />
      <Button type="submit" mt="sm" loading={busy} data-testid="complaint-submit">
        {m.t("ui-complaint-register")}
      </Button>
    </form>
  );
}
