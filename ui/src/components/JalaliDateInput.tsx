import { TextInput } from "@mantine/core";
import { useState } from "react";
import { useMessages } from "../context";
import { toAsciiDigits } from "../lib/digits";
import { addDays, format, parse, todayTehran, toUtcMillis } from "../lib/jalali";

const longDate = (lang: string) =>
  new Intl.DateTimeFormat(lang === "fa" ? "fa-IR-u-ca-persian" : "en-US-u-ca-persian", {
    timeZone: "UTC",
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
  });

/**
 * A Jalali date typed as `1404/01/15` in any digits. Arrow Up/Down move a day, Page Up/Down
 * thirty days, and `=` puts today. Below the field it spells the date out (weekday, month
 * name), or says why it is not a date. The core validates it again.
 */
export function JalaliDateInput({
  label,
  value,
  onChange,
  error,
  name,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  name: string;
  required?: boolean;
}) {
  const m = useMessages();
  const [touched, setTouched] = useState(false);
  const parsed = value.trim() ? parse(value, toAsciiDigits) : null;
  let description: string | undefined;
  let hint: string | undefined;
  if (parsed?.ok) {
    const ms = toUtcMillis(parsed.date);
    if (ms !== null) description = longDate(m.lang).format(new Date(ms));
  } else if (parsed && touched) {
    hint = m.t(parsed.messageId);
  }

  const move = (days: number) => {
    const base = parsed?.ok ? parsed.date : todayTehran();
    onChange(m.digits(format(parsed?.ok ? addDays(base, days) : base)));
  };

  return (
    <TextInput
      name={name}
      label={label}
      required={required}
      value={m.digits(value)}
      placeholder={m.t("ui-date-placeholder")}
      dir="ltr"
      inputMode="numeric"
      description={description && <span dir={m.lang === "fa" ? "rtl" : "ltr"}>{description}</span>}
      error={error ?? hint}
      onBlur={() => setTouched(true)}
      onChange={(e) => {
        setTouched(false);
        onChange(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === "ArrowUp") move(1);
        else if (e.key === "ArrowDown") move(-1);
        else if (e.key === "PageUp") move(30);
        else if (e.key === "PageDown") move(-30);
        else if (e.key === "=") move(0);
        else return;
        e.preventDefault();
      }}
    />
  );
}
