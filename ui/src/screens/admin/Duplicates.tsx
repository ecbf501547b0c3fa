import { Alert, Button, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useDesk } from "../../context";
import { api, asCommandError } from "../../lib/api";
import { useErrorText } from "../../components/errors";

/**
 * The administrator's check for look-alike organizations registered before duplicates were
 * refused (issue 12, item 2): the same use case as `sanad org duplicates`, run on request.
 */
export function DuplicateOrganizations() {
  const { m } = useDesk();
  const text = useErrorText();
  const report = useQuery({
    queryKey: ["duplicate-orgs"],
    queryFn: api.duplicateOrganizations,
    enabled: false,
  });
  return (
    <Paper p="md" mt="lg" withBorder data-testid="duplicate-orgs">
      <Title order={5} mb="xs">
        {m.t("ui-admin-duplicates-title")}
      </Title>
      <Button
        variant="light"
        onClick={() => void report.refetch()}
        loading={report.isFetching}
        data-testid="duplicate-orgs-run"
      >
        {m.t("ui-admin-duplicates-run")}
      </Button>
      {report.error && (
        <Alert color="red" mt="sm">
          {text(asCommandError(report.error))}
        </Alert>
      )}
      {report.data && report.data.length === 0 && (
        <Text mt="sm" c="teal" data-testid="duplicate-orgs-none">
          {m.t("ui-admin-duplicates-none")}
        </Text>
      )}
      {report.data && report.data.length > 0 && (
        <Stack mt="sm" gap="sm" data-testid="duplicate-orgs-groups">
          <Text size="sm" c="dimmed">
            {m.t("ui-admin-duplicates-hint")}
          </Text>
          {report.data.map((group, i) => (
            <div key={group.map((o) => o.id).join("-")} data-testid="duplicate-orgs-group">
              <Text fw={600} size="sm">
                {m.t("ui-admin-duplicates-group", { number: i + 1, count: group.length })}
              </Text>
              <Table striped>
                <Table.Tbody>
                  {group.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>
                        <bdi>{o.name}</bdi>
                      </Table.Td>
                      <Table.Td>{m.spelled("kind", o.kind)}</Table.Td>
                      <Table.Td className="nowrap">
                        {o.national_id ? m.digits(o.national_id) : "—"}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
