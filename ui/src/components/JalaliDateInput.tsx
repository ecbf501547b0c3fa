import { TextInput } from "@mantine/core";
import { useState } from "react";
import { useMessages } from "../context";
import { toAsciiDigits } from "../lib/digits";
import { addDays, format, parse, todayTehran, toUtcMillis } from "../lib/jalali";

/** «پنجشنبه ۱ آبان ۱۴۰۴» (weekday, day, month, year, in reading order, no Latin comma), from the
 * formatter's parts: engines order and punctuate the whole string differently. */
export function longDate(lang: string, ms: number): string {
  const parts = new Intl.DateTimeFormat(
    lang === "fa" ? "fa-IR-u-ca-persian" : "en-US-u-ca-persian",
    { timeZone: "UTC", weekday: "long", year: "numeric", month: "long", day: "numeric" },
  ).formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  // "1404 AP": the era is not part of the date a clerk reads.
  const year = part("year").replace(/\s*AP$/, "");
  return [part("weekday"), part("day"), part("month"), year].filter(Boolean).join(" ");
}

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
  onLeave,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  name: string;
  required?: boolean;
  /** Called with the value as left (padded when it is a date), for the core's check. */
  onLeave?: (value: string) => void;
}) {
  const m = useMessages();
  const [touched, setTouched] = useState(false);
  const parsed = value.trim() ? parse(value, toAsciiDigits) : null;
  let description: string | undefined;
  let hint: string | undefined;
  // With an error shown (the core's, or the field's own check) no spelled-out date beside it:
  // the two must never disagree.
  if (parsed?.ok && !error) {
    const ms = toUtcMillis(parsed.date);
    if (ms !== null) description = longDate(m.lang, ms);
  } else if (parsed && !parsed.ok && touched) {
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
      onBlur={() => {
        setTouched(true);
        // `1404/8/1` reads back padded, `1404/08/01`, as the core stores it.
        if (parsed?.ok) {
          const padded = m.digits(format(parsed.date));
          if (padded !== m.digits(value)) onChange(padded);
          onLeave?.(padded);
        } else {
          onLeave?.(value);
        }
      }}
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
