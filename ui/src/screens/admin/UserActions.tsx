import { Alert, Button, Code, Group, Modal, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CommandError, User } from "../../bindings";
import { useDesk } from "../../context";
import { api, asCommandError } from "../../lib/api";
import { ErrorAlert } from "../../components/errors";

/**
 * The administrator's actions on one account: a one-time password (shown once, never stored by
 * the window) and deactivation or reactivation. Users are never deleted.
 */
export function UserActions({ user }: { user: User }) {
  const { m, session } = useDesk();
  const queries = useQueryClient();
  const [confirm, setConfirm] = useState<"reset" | "deactivate" | null>(null);
  const [oneTime, setOneTime] = useState<string | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  if (user.username === session.username) return null;

  const close = () => {
    setConfirm(null);
    setOneTime(null);
    setError(null);
  };
  const run = (work: Promise<unknown>) => {
    setBusy(true);
    setError(null);
    work
      .then(() => queries.invalidateQueries({ queryKey: ["users"] }))
      .catch((caught: unknown) => setError(asCommandError(caught)))
      .finally(() => setBusy(false));
  };
  const reset = () =>
    run(
      api.resetPassword(user.username).then((password) => {
        setOneTime(password);
      }),
    );
  const deactivate = () => run(api.setUserActive(user.username, false).then(close));

  return (
    <>
      <Group gap={4} wrap="nowrap">
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => setConfirm("reset")}
          data-testid={`reset-${user.username}`}
        >
          {m.t("ui-user-reset")}
        </Button>
        {user.active ? (
          <Button
            size="compact-xs"
            variant="light"
            color="red"
            onClick={() => setConfirm("deactivate")}
            data-testid={`deactivate-${user.username}`}
          >
            {m.t("ui-user-deactivate")}
          </Button>
        ) : (
          <Button
            size="compact-xs"
            variant="light"
            color="teal"
            loading={busy}
            onClick={() => run(api.setUserActive(user.username, true))}
            data-testid={`activate-${user.username}`}
          >
            {m.t("ui-user-activate")}
          </Button>
        )}
      </Group>
      <Modal
        opened={confirm !== null}
        onClose={close}
        title={m.t(confirm === "reset" ? "ui-user-reset-title" : "ui-user-deactivate-title", {
          name: user.display_name,
        })}
      >
        <Stack>
          <ErrorAlert error={error} />
          {oneTime ? (
            <Alert color="teal" data-testid="one-time-password">
              <Text mb="xs">{m.t("ui-user-one-time-shown-once")}</Text>
              <Code fz="lg" dir="ltr" data-testid="one-time-password-value">
                {oneTime}
              </Code>
            </Alert>
          ) : (
            <Text>
              {m.t(confirm === "reset" ? "ui-user-reset-confirm" : "ui-user-deactivate-confirm")}
            </Text>
          )}
          <Group justify="flex-end">
            {oneTime ? (
              <Button onClick={close} data-testid="one-time-close">
                {m.t("ui-close")}
              </Button>
            ) : (
              <>
                <Button variant="default" onClick={close}>
                  {m.t("ui-cancel")}
                </Button>
                <Button
                  color={confirm === "reset" ? "teal" : "red"}
                  loading={busy}
                  onClick={confirm === "reset" ? reset : deactivate}
                  data-testid="user-action-confirm"
                >
                  {m.t(confirm === "reset" ? "ui-user-reset" : "ui-user-deactivate")}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
