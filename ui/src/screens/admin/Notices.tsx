import { Badge, Button, Checkbox, Select, Table, TextInput, Textarea } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { CommandError, NoticeKind } from "../../bindings";
import { useDesk } from "../../context";
import { api, asCommandError } from "../../lib/api";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../../components/errors";

const EMPTY = {
  kind: "maintenance" as NoticeKind,
  text: "",
  starts: "",
  ends: "",
  read_only: false,
};

/** The notice board: schedule a maintenance window or post a disruption; cancel one. */
export function NoticesSettings() {
  const { m } = useDesk();
  const errorText = useErrorText();
  const queries = useQueryClient();
  const board = useQuery({ queryKey: ["notices"], queryFn: api.noticeBoard });
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const err = fieldErrors(errors, errorText);
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ["notices"] });
    void queries.invalidateQueries({ queryKey: ["banners"] });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    api
      .addNotice(values)
      .then(() => {
        setValues(EMPTY);
        setErrors({});
        refresh();
      })
      .catch((caught: unknown) => {
        const { field, form } = splitError(asCommandError(caught));
        setErrors(field);
        setFormError(form);
      });
  };
  const text = (name: "text" | "starts" | "ends") => ({
    name,
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: err(name),
  });
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
            onChange={(v) =>
              setValues((s) => ({ ...s, kind: v === "disruption" ? "disruption" : "maintenance" }))
            }
            data={[
              { value: "maintenance", label: m.t("ui-notice-maintenance") },
              { value: "disruption", label: m.t("ui-notice-disruption") },
            ]}
          />
          <TextInput
            label={m.t("ui-notice-starts")}
            placeholder="1405/09/10 18:00"
            dir="ltr"
            {...text("starts")}
          />
          <TextInput
            label={m.t("ui-notice-ends")}
            placeholder="1405/09/10 20:00"
            dir="ltr"
            {...text("ends")}
          />
          <Checkbox
            mt="xl"
            label={m.t("ui-notice-read-only")}
            checked={values.read_only}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setValues((v) => ({ ...v, read_only: checked }));
            }}
          />
        </div>
        <Textarea mt="sm" label={m.t("ui-notice-text")} autosize minRows={2} {...text("text")} />
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
