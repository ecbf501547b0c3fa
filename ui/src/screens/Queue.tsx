import { Alert, Badge, Button, Group, Loader, Paper, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { RequestTable } from "../components/RequestTable";
import { BulkDecision } from "../components/BulkDecision";
import { useErrorText } from "../components/errors";

/**
 * Changes reach the queue through the desk's change feed (Desk.tsx). This slow refresh only
 * moves deadlines on (an item becomes overdue with no change at all).
 */
export const QUEUE_REFRESH_MS = 60_000;

export function QueueScreen() {
  const { m, session } = useDesk();
  const text = useErrorText();
  const query = useInfiniteQuery({
    queryKey: ["queue"],
    queryFn: ({ pageParam }) => api.queue({ cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    refetchInterval: QUEUE_REFRESH_MS,
  });
  const first = query.data?.pages[0];
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Paper p="md" withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{m.t("ui-queue-title")}</Title>
        <Group gap={6} data-testid="queue-counts">
          {first?.counts.map((c) => (
            <Badge key={c.status} variant="light" size="lg">
              {m.spelled("status", c.status)}: {m.digits(c.count)}
            </Badge>
          ))}
          {first && first.overdue > 0 && (
            <Badge color="red" size="lg">
              {m.t("ui-queue-overdue", { count: first.overdue })}
            </Badge>
          )}
        </Group>
      </Group>
      {query.isPending && <Loader />}
      {query.error && <Alert color="red">{text(asCommandError(query.error))}</Alert>}
      {first && items.length === 0 && <Text c="dimmed">{m.t("ui-queue-empty")}</Text>}
      {items.length > 0 && <RequestTable items={items} testId="queue-table" />}
      {items.length > 0 &&
        (session.permissions.decides_in_bulk || items.some((r) => r.acting_for)) && (
          <BulkDecision items={items} />
        )}
      {query.hasNextPage && (
        <Button variant="light" mt="sm" onClick={() => query.fetchNextPage()}>
          {m.t("ui-more")}
        </Button>
      )}
      {session.permissions.sees_overdue && <OverdueList />}
    </Paper>
  );
}

/** The director's list: every request past its deadline now, most overdue first. */
function OverdueList() {
  const { m } = useDesk();
  const overdue = useQuery({
    queryKey: ["overdue"],
    queryFn: () => api.overdueRequests({ cursor: null, limit: 100 }),
    refetchInterval: QUEUE_REFRESH_MS,
  });
  if (!overdue.data || overdue.data.items.length === 0) return null;
  return (
    <>
      <Title order={4} mt="lg" mb="xs" c="red">
        {m.t("ui-overdue-title", { count: overdue.data.items.length })}
      </Title>
      <RequestTable items={overdue.data.items} testId="overdue-table" />
    </>
  );
}
