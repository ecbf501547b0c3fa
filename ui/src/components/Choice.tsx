import { SegmentedControl, Text } from "@mantine/core";
import { useRef } from "react";
import { useMessages } from "../context";
import { choiceAfterKey } from "../lib/choiceKeys";

/**
 * A choice of a few values as segments (a radio group), with its label and error. Arrow keys,
 * Home and End move the choice in both engines (lib/choiceKeys.ts), and focus follows it.
 */
export function Choice({
  label,
  value,
  onChange,
  data,
  error,
  testId,
  name,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  data: { value: string; label: string }[];
  error?: string;
  testId: string;
  name: string;
}) {
  const m = useMessages();
  const box = useRef<HTMLDivElement>(null);
  return (
    <div
      ref={box}
      onKeyDown={(e) => {
        const dir = m.lang === "fa" ? "rtl" : "ltr";
        const next = choiceAfterKey(
          e.key,
          data.map((d) => d.value),
          value,
          dir,
        );
        if (next === null || e.altKey || e.ctrlKey) return;
        e.preventDefault();
        onChange(next);
        // The checked segment keeps the focus, as in a native radio group.
        window.setTimeout(() => {
          box.current?.querySelector<HTMLInputElement>(`input[value="${next}"]`)?.focus();
        }, 0);
      }}
    >
      <Text size="sm" fw={500} mb={4} id={`${name}-label`}>
        {label}
      </Text>
      <SegmentedControl
        fullWidth
        name={name}
        aria-labelledby={`${name}-label`}
        data-testid={testId}
        value={value}
        onChange={onChange}
        data={data}
      />
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
