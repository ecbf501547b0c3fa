import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { useErrorText } from "../components/errors";

/**
 * What a tracking code stands at, as a clerk reads it to a caller: the state in a plain
 * sentence, since when, and what happens next — no personal data beyond a masked name. Opens the
 * request or complaint for the whole page.
 */
export function TrackScreen({ code }: { code: string }) {
  const { m, go } = useDesk();
  const text = useErrorText();
  const status = useQuery({
    queryKey: ["track", code, m.lang],
    queryFn: () => api.track(code, m.lang),
  });
  if (status.isPending) return <Loader />;
  if (status.error) return <Alert color="red">{text(asCommandError(status.error))}</Alert>;
  const s = status.data;
  return (
    <Paper
      p="lg"
      withBorder
      maw={720}
      data-testid="track-status"
      data-kind={s.kind}
      data-state={s.state}
    >
      <Stack>
        <Title order={3}>
          {m.t(s.kind === "request" ? "ui-track-request" : "ui-track-complaint")}{" "}
          <span className="code">{s.tracking_code_grouped}</span>
        </Title>
        <Text size="lg" fw={700} data-testid="track-state">
          {s.state_text}
        </Text>
        <Text c="dimmed">{m.t("ui-track-since", { since: s.since })}</Text>
        <Text data-testid="track-next">{s.next_step_text}</Text>
        <Text size="sm" c="dimmed">
          {m.t("ui-track-name", { name: `\u2068${s.name_masked}\u2069` })}
        </Text>
        <Group>
          <Button
            variant="light"
            onClick={() =>
              go(s.kind === "request" ? { name: "request", code } : { name: "complaint", code })
            }
            data-testid="track-open"
          >
            {m.t("ui-track-open")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
