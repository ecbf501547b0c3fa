import { Text } from "@mantine/core";
import { useMessages } from "../context";
import { groupCode, isolateLtr } from "../lib/digits";

/** Detail values that are domain spellings, shown by their own messages. */
const SPELLED: Record<string, string> = {
  from: "status",
  to: "status",
  status: "status",
  role: "role",
  kind: "kind",
};

/**
 * An audit entry's recorded detail as labelled lines in the UI's language: statuses and roles in
 * words, tracking codes grouped, digits as the language writes them. Keys without a label of
 * their own show as recorded, so nothing the core wrote is hidden.
 */
export function AuditDetail({ detail }: { detail: Record<string, unknown> }) {
  const m = useMessages();
  const lines = Object.entries(detail).filter(([, v]) => v !== null && v !== undefined && v !== "");
  return (
    <>
      {lines.map(([key, raw]) => {
        const label = m.has(`audit-field-${key.replace(/_/g, "-")}`)
          ? m.t(`audit-field-${key.replace(/_/g, "-")}`)
          : isolateLtr(key);
        let value: string;
        if (typeof raw === "boolean") value = m.t(raw ? "ui-yes" : "ui-no");
        else if (typeof raw === "string" && SPELLED[key]) value = m.spelled(SPELLED[key], raw);
        else if (key === "tracking_code" && typeof raw === "string")
          value = isolateLtr(m.digits(groupCode(raw)));
        else if (typeof raw === "string" || typeof raw === "number") value = m.digits(String(raw));
        else value = isolateLtr(JSON.stringify(raw));
        return (
          <Text key={key} size="xs">
            {label}: {value}
          </Text>
        );
      })}
    </>
  );
}
