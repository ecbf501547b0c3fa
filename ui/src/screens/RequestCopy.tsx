import {
  Alert,
  Button,
  CopyButton,
  Group,
  Paper,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { CommandError, FileWritten } from "../bindings";
import { ErrorAlert } from "../components/errors";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { isolateLtr } from "../lib/digits";

/** A size in kilobytes below a megabyte, else in megabytes. */
function size(bytes: number): { id: string; value: string } {
  if (bytes < 1024 * 1024) return { id: "ui-file-size-kb", value: String(Math.ceil(bytes / 1024)) };
  return { id: "ui-file-size-mb", value: (bytes / (1024 * 1024)).toFixed(1) };
}

/**
 * The request's certified electronic copy (نسخهٔ الکترونیکی گواهی‌شده): when it was issued, its
 * SHA-256, its size and the signed token its QR carries, with the PDF saved to a file. The PDF
 * itself never reaches the webview: the core writes it where the user says, byte for byte, so
 * the saved file verifies with `sanad verify`. Nothing shows for a request without a copy.
 */
export function RequestCopy({ code }: { code: string }) {
  const { m } = useDesk();
  const info = useQuery({ queryKey: ["ecopy", code], queryFn: () => api.ecopyInfo(code) });
  const [path, setPath] = useState("");
  const [saved, setSaved] = useState<FileWritten | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  useEffect(() => {
    void api.suggestedEcopyPath(code).then(setPath);
  }, [code]);
  const copy = info.data;
  if (!copy) return info.error ? <ErrorAlert error={asCommandError(info.error)} /> : null;
  const save = () => {
    setSaved(null);
    setError(null);
    api
      .saveEcopy(code, path)
      .then(setSaved)
      .catch((caught: unknown) => setError(asCommandError(caught)));
  };
  const bytes = size(copy.size_bytes);
  return (
    <Paper p="md" withBorder data-testid="request-ecopy">
      <Title order={5} mb="sm">
        {m.t("ui-ecopy-title")}
      </Title>
      <Table withRowBorders={false} layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={130}>{m.t("ui-ecopy-issued")}</Table.Th>
            <Table.Td data-testid="ecopy-issued">{m.digits(copy.issued_at_jalali)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.t("ui-ecopy-size")}</Table.Th>
            <Table.Td>{m.t(bytes.id, { value: bytes.value })}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>SHA-256</Table.Th>
            <Table.Td>
              <Text
                size="xs"
                ff="monospace"
                dir="ltr"
                data-testid="ecopy-sha256"
                style={{ overflowWrap: "anywhere" }}
              >
                {copy.sha256}
              </Text>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.t("ui-ecopy-token")}</Table.Th>
            <Table.Td>
              <Text
                size="xs"
                ff="monospace"
                dir="ltr"
                data-testid="ecopy-token"
                lineClamp={3}
                style={{ overflowWrap: "anywhere" }}
              >
                {copy.token}
              </Text>
              <CopyButton value={copy.token}>
                {({ copied, copy: doCopy }) => (
                  <Button
                    size="compact-xs"
                    variant="light"
                    mt={4}
                    color={copied ? "teal" : "blue"}
                    onClick={doCopy}
                    data-testid="ecopy-token-copy"
                  >
                    {copied ? m.t("ui-copied") : m.t("ui-ecopy-copy-token")}
                  </Button>
                )}
              </CopyButton>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group align="flex-end" wrap="nowrap" mt="sm">
        <TextInput
          name="ecopy.path"
          label={m.t("ui-ecopy-path")}
          value={path}
          onChange={(e) => setPath(e.currentTarget.value)}
          dir="ltr"
          style={{ flex: 1, minWidth: 0 }}
          data-testid="ecopy-path"
        />
        <Button variant="light" onClick={save} data-testid="ecopy-save">
          {m.t("ui-ecopy-save")}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {saved && (
        <Alert color="teal" mt="sm" data-testid="ecopy-saved">
          {m.t("ui-report-written", { path: isolateLtr(saved.path) })}
        </Alert>
      )}
    </Paper>
  );
}
