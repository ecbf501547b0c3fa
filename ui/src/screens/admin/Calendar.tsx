import { Button, Group, Switch, Table, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { CommandError } from "../../bindings";
import { useDesk } from "../../context";
import { api, asCommandError } from "../../lib/api";
import { JalaliDateInput } from "../../components/JalaliDateInput";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../../components/errors";

/** The working calendar: Thursday on or off, and the official holidays deadlines skip. */
export function CalendarSettingsPanel() {
  const { m } = useDesk();
  const errorText = useErrorText();
  const queries = useQueryClient();
  const settings = useQuery({ queryKey: ["calendar"], queryFn: api.calendarSettings });
  const holidays = useQuery({ queryKey: ["holidays"], queryFn: () => api.holidays(null) });
  const [date, setDate] = useState("");
  const [title, setTitle] = useState("");
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const err = fieldErrors(errors, errorText);
  const fail = (caught: unknown) => {
    const { field, form } = splitError(asCommandError(caught));
    setErrors(field);
    setFormError(form);
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    api
      .addHoliday(date, title)
      .then(() => {
        setDate("");
        setTitle("");
        setErrors({});
        void queries.invalidateQueries({ queryKey: ["holidays"] });
      })
      .catch(fail);
  };
  return (
    <>
      <ErrorAlert error={formError} />
      {settings.data && (
        <Switch
          mb="md"
          label={m.t("ui-calendar-thursday-off")}
          checked={settings.data.thursday_off}
          onChange={(e) =>
            void api
              .setThursdayOff(e.currentTarget.checked)
              .then((fresh) => queries.setQueryData(["calendar"], fresh))
              .catch(fail)
          }
          data-testid="thursday-off"
        />
      )}
      <form onSubmit={add} noValidate data-testid="holiday-form">
        <Group align="flex-end">
          <JalaliDateInput
            name="date"
            label={m.t("ui-holiday-date")}
            value={date}
            onChange={setDate}
            error={err("date")}
          />
          <TextInput
            name="title"
            label={m.t("ui-holiday-title")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={err("title")}
          />
          <Button type="submit">{m.t("ui-holiday-add")}</Button>
        </Group>
      </form>
      <Table mt="md" striped data-testid="holidays-table">
        <Table.Tbody>
          {holidays.data?.map((h) => (
            <Table.Tr key={h.date}>
              <Table.Td>{m.digits(h.date)}</Table.Td>
              <Table.Td>{h.title}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  color="red"
                  onClick={() =>
                    void api
                      .removeHoliday(h.date)
                      .then(() => queries.invalidateQueries({ queryKey: ["holidays"] }))
                      .catch(fail)
                  }
                >
                  {m.t("ui-holiday-remove")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
