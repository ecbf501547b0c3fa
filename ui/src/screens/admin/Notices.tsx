import { Badge, Button, Checkbox, Select, Table, TextInput, Textarea } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { NoticeKind } from "../../bindings";
import { useDesk } from "../../context";
import { api } from "../../lib/api";
import { options, useVocabulary } from "../../lib/vocabulary";
import { ErrorAlert } from "../../components/errors";
import { useAddForm } from "../../components/useAddForm";

const EMPTY = { kind: "maintenance", text: "", starts: "", ends: "" };
const noticeKind = (k: string): NoticeKind => k as NoticeKind;

/** The notice board: schedule a maintenance window or post a disruption; cancel one. */
export function NoticesSettings() {
  const { m } = useDesk();
  const vocabulary = useVocabulary();
  const queries = useQueryClient();
  const board = useQuery({ queryKey: ["notices"], queryFn: api.noticeBoard });
  // The window's check box stands beside the form's text fields.
  const [readOnly, setReadOnly] = useState(false);
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ["notices"] });
    void queries.invalidateQueries({ queryKey: ["banners"] });
  };
  const { values, field, submit, formError, set } = useAddForm(EMPTY, (v) =>
    api.addNotice({ ...v, kind: noticeKind(v.kind), read_only: readOnly }).then(() => {
      setReadOnly(false);
      refresh();
    }),
  );
  return (
    <>
      <form onSubmit={submit} noValidate data-testid="notice-form">
        <ErrorAlert error={formError} />
        <div className="form-grid">
          <Select
            name="kind"
            label={m.t("ui-notice-kind")}
            value={values.kind}
            allowDeselect={false}
            onChange={(v) => set("kind", noticeKind(v ?? ""))}
            data={options(vocabulary?.notice_kinds, m)}
          />
          <TextInput
            label={m.t("ui-notice-starts")}
            placeholder="1405/09/10 18:00"
            dir="ltr"
            {...field("starts")}
          />
          <TextInput
            label={m.t("ui-notice-ends")}
            placeholder="1405/09/10 20:00"
            dir="ltr"
            {...field("ends")}
          />
          <Checkbox
            mt="xl"
            label={m.t("ui-notice-read-only")}
            checked={readOnly}
            onChange={(e) => setReadOnly(e.currentTarget.checked)}
          />
        </div>
        <Textarea
          mt="sm"
          label={m.t("ui-notice-text")}
          rows={2}
          resize="vertical"
          dir="auto"
          {...field("text")}
        />
        <Button type="submit" mt="sm" data-testid="notice-submit">
          {m.t("ui-notice-add")}
        </Button>
      </form>
      <Table mt="md" striped data-testid="notice-board">
        <Table.Tbody>
          {board.data?.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>
                {m.t(n.kind === "disruption" ? "ui-notice-disruption" : "ui-notice-maintenance")}
              </Table.Td>
              <Table.Td>
                {m.digits(n.starts_jalali)} — {m.digits(n.ends_jalali)}
              </Table.Td>
              <Table.Td>{n.text}</Table.Td>
              <Table.Td>
                {n.read_only && <Badge color="orange">{m.t("ui-notice-read-only-short")}</Badge>}
                {n.cancelled && <Badge color="gray">{m.t("ui-notice-cancelled")}</Badge>}
              </Table.Td>
              <Table.Td>
                {!n.cancelled && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    onClick={() => void api.cancelNotice(n.id).then(refresh)}
                  >
                    {m.t("ui-notice-cancel")}
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
