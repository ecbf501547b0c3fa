import { Alert, Button, Fieldset, Group, Switch, Table, Text, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { CalendarSettings, CommandError, OfficeHoursInput } from "../../bindings";
import { useDesk } from "../../context";
import { api, asCommandError } from "../../lib/api";
import { JalaliDateInput } from "../../components/JalaliDateInput";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../../components/errors";

const HOURS_FIELDS = [
  ["weekday", "ui-office-hours-weekdays"],
  ["thursday", "ui-office-hours-thursday"],
] as const;

/** The office's daily hours, as the core has them; saved together, checked by the core. */
function OfficeHoursForm({ settings }: { settings: CalendarSettings }) {
  const { m } = useDesk();
  const errorText = useErrorText();
  const queries = useQueryClient();
  const [hours, setHours] = useState<OfficeHoursInput>({
    weekday_opens: settings.weekday_opens,
    weekday_closes: settings.weekday_closes,
    thursday_opens: settings.thursday_opens,
    thursday_closes: settings.thursday_closes,
  });
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [saved, setSaved] = useState(false);
  const err = fieldErrors(errors, errorText);
  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setFormError(null);
    api
      .setOfficeHours(hours)
      .then((fresh) => {
        setErrors({});
        setSaved(true);
        queries.setQueryData(["calendar"], fresh);
      })
      .catch((caught: unknown) => {
        const { field, form } = splitError(asCommandError(caught));
        setErrors(field);
        setFormError(form);
      });
  };
  return (
    <form onSubmit={save} noValidate data-testid="office-hours-form">
      <Fieldset legend={m.t("ui-office-hours")} mb="md">
        <ErrorAlert error={formError} />
        {HOURS_FIELDS.map(([day, label]) => (
          <Group key={day} align="flex-end" mb="xs">
            <Text w={200} pb={6}>
              {m.t(label)}
            </Text>
            {(["opens", "closes"] as const).map((end) => {
              const key = `${day}_${end}` as keyof OfficeHoursInput;
              return (
                <TextInput
                  key={key}
                  name={key}
                  w={110}
                  dir="ltr"
                  inputMode="numeric"
                  label={m.t(`ui-office-hours-${end}`)}
                  value={m.digits(hours[key])}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setHours((h) => ({ ...h, [key]: value }));
                  }}
                  error={err(key)}
                  data-testid={`office-hours-${key}`}
                />
              );
            })}
          </Group>
        ))}
        <Text size="sm" c="dimmed" mb="xs" data-testid="office-hours-note">
          {m.t("ui-office-hours-note")}
        </Text>
        <Group>
          <Button type="submit" data-testid="office-hours-save">
            {m.t("ui-office-hours-save")}
          </Button>
          {saved && (
            <Alert color="green" py={4} data-testid="office-hours-saved">
              {m.t("ui-office-hours-saved")}
            </Alert>
          )}
        </Group>
      </Fieldset>
    </form>
  );
}

/** The working calendar: office hours, Thursday on or off, and the official holidays deadlines skip. */
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
      {settings.data && <OfficeHoursForm settings={settings.data} />}
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
