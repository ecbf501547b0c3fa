import { Badge, Paper, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { Notification } from "../bindings";
import { useMessages } from "../context";
import { formatInstant } from "../lib/jalali";
import { isolateLtr } from "../lib/digits";
import { WithCodes } from "./WithCodes";

/** The messages sent (or waiting to be sent) to the applicant about this request or complaint. */
export function Notifications({
  queryKey,
  load,
}: {
  queryKey: unknown[];
  load: () => Promise<Notification[]>;
}) {
  const m = useMessages();
  const list = useQuery({ queryKey, queryFn: load });
  if (!list.data || list.data.length === 0) return null;
  return (
    <Paper p="md" withBorder data-testid="notifications" className="notifications">
      <Title order={5} mb="sm">
        {m.t("ui-notifications-title")}
      </Title>
      <Table>
        <Table.Tbody>
          {list.data.map((n, i) => (
            <Table.Tr key={i}>
              <Table.Td dir="auto">
                <WithCodes text={n.subject} />
              </Table.Td>
              <Table.Td className="nowrap">{isolateLtr(n.recipient)}</Table.Td>
              <Table.Td className="nowrap">
                <Badge
                  color={n.state === "sent" ? "teal" : "orange"}
                  variant="light"
                  data-state={n.state}
                  className="badge-whole"
                >
                  {m.t(n.state === "sent" ? "ui-notification-sent" : "ui-notification-pending")}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" className="next-attempt">
                  {n.sent_at
                    ? m.digits(formatInstant(n.sent_at))
                    : n.next_attempt_at
                      ? m.t("ui-notification-next", {
                          at: m.digits(formatInstant(n.next_attempt_at)),
                          attempts: n.attempts,
                        })
                      : ""}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
