import { Badge, Button, Group, Image, Stack, Table, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { CommandError, KeptFile } from "../bindings";
import { api, asCommandError } from "../lib/api";
import { isolateLtr } from "../lib/digits";
import { formatInstant } from "../lib/jalali";
import { useDesk } from "../context";
import { ErrorAlert } from "./errors";

/** A file's size as the clerk reads it: kilobytes below a megabyte, else megabytes. */
function size(bytes: number): { id: string; value: string } {
  if (bytes < 1024 * 1024) return { id: "ui-file-size-kb", value: String(Math.ceil(bytes / 1024)) };
  return { id: "ui-file-size-mb", value: (bytes / (1024 * 1024)).toFixed(1) };
}

/** The first page of a kept file, drawn by the core as a PNG (the scan itself is never opened
 * by the webview). */
function Thumbnail({ file }: { file: KeptFile }) {
  const { m } = useDesk();
  const thumb = useQuery({
    queryKey: ["thumbnail", file.id],
    queryFn: () => api.fileThumbnail(file.id),
    staleTime: Infinity,
  });
  if (!thumb.data)
    return (
      <Text size="xs" c="dimmed">
        {m.t("ui-file-thumbnail-loading")}
      </Text>
    );
  return (
    <Image
      src={thumb.data}
      w={120}
      fit="contain"
      radius="sm"
      alt={m.t("ui-file-thumbnail-alt", { title: file.title })}
      data-testid={`thumbnail-${file.number}`}
      style={{ border: "1px solid var(--mantine-color-gray-4)" }}
    />
  );
}

/** Reads a chosen or dropped file as base64 for the IPC (the core checks what it is). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? "");
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Kept files (a document's scans, or a request's letter and enclosures) with their first-page
 * thumbnails, and — where the role may attach — a drop zone and a file picker. */
export function KeptFiles({
  files,
  attach,
  testId,
}: {
  files: KeptFile[];
  /** Attaches a file; absent when this role may not. */
  attach?: (contentBase64: string, name: string, title: string | null) => Promise<unknown>;
  testId: string;
}) {
  const { m } = useDesk();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const send = async (file: File | undefined) => {
    if (!file || !attach) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const content = await readBase64(file);
      await attach(content, file.name, title.trim() ? title : null);
      setDone(file.name);
      setTitle("");
    } catch (e) {
      setError(asCommandError(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };

  return (
    <Stack gap="xs" data-testid={testId}>
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {m.t("ui-files-none")}
        </Text>
      ) : (
        <Table striped verticalSpacing="xs">
          <Table.Tbody>
            {files.map((f) => {
              const s = size(f.size_bytes);
              return (
                <Table.Tr key={f.id} data-testid={`kept-file-${f.number}`}>
                  <Table.Td w={136}>
                    <Thumbnail file={f} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text fw={600} dir="auto">
                          {f.title || (f.purpose ? m.t(`file-purpose-${f.purpose}`) : "")}
                        </Text>
                        {f.purpose ? (
                          <Badge variant="light">{m.t(`file-purpose-${f.purpose}`)}</Badge>
                        ) : (
                          <Badge variant="light" color={f.current ? "teal" : "gray"}>
                            {m.t(f.current ? "ui-file-current" : "ui-file-version", {
                              number: f.number,
                            })}
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm">
                        {m.t("ui-file-facts", {
                          kind: isolateLtr(f.kind.toUpperCase()),
                          pages: f.pages,
                          size: m.t(s.id, { value: s.value }),
                        })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {m.t("ui-file-added", {
                          at: m.digits(formatInstant(f.added_at)),
                          by: f.added_by_name,
                        })}
                      </Text>
                      <Text size="xs" c="dimmed" dir="auto" title={f.sha256}>
                        {m.t("ui-file-digest", { digest: isolateLtr(`${f.sha256.slice(0, 16)}…`) })}
                      </Text>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {attach && (
        <Stack
          gap="xs"
          p="sm"
          data-testid={`${testId}-drop`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void send(e.dataTransfer.files[0]);
          }}
          style={{
            border: `2px dashed var(--mantine-color-${over ? "blue-6" : "gray-4"})`,
            borderRadius: 8,
          }}
        >
          <Text size="sm">{m.t("ui-files-drop-hint")}</Text>
          <Group align="end">
            <TextInput
              label={m.t("ui-file-title")}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              dir="auto"
              style={{ flex: 1 }}
            />
            <Button
              loading={busy}
              onClick={() => input.current?.click()}
              data-testid={`${testId}-pick`}
            >
              {m.t("ui-files-pick")}
            </Button>
          </Group>
          <input
            ref={input}
            type="file"
            hidden
            accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff"
            data-testid={`${testId}-input`}
            onChange={(e) => void send(e.currentTarget.files?.[0])}
          />
          <ErrorAlert error={error} />
          {done && (
            <Text size="sm" c="teal" data-testid={`${testId}-done`}>
              {m.t("ui-file-attached", { name: done })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
