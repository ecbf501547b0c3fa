import { Alert, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useDesk } from "../../context";
import { api } from "../../lib/api";
import { ConnectionForm } from "../../components/ConnectionForm";

/** Where this desk's data is. Switching signs everyone out: accounts belong to a database. */
export function ConnectionSettingsPanel({ onDatabaseChanged }: { onDatabaseChanged: () => void }) {
  const { m } = useDesk();
  const settings = useQuery({ queryKey: ["connection"], queryFn: api.connectionSettings });
  if (!settings.data) return null;
  return (
    <Stack maw={560}>
      <Text size="sm" c="dimmed">
        {m.t("ui-db-switch-intro")}
      </Text>
      {settings.data.from_environment && (
        <Alert color="yellow">{m.t("ui-db-from-environment")}</Alert>
      )}
      <ConnectionForm
        current={settings.data.profile}
        shown={settings.data.shown}
        submitLabel={m.t("ui-db-connect")}
        onConnected={onDatabaseChanged}
      />
    </Stack>
  );
}
