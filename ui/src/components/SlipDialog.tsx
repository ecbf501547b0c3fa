import { Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import type { CommandError, SlipIssued } from "../bindings";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { options, useVocabulary } from "../lib/vocabulary";
import { ErrorAlert } from "./errors";

/** The preview's pages as images: SVG documents made by the core, shown from data URLs. */
function pageUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * Print slip: a preview of exactly what prints (the same layout as the PDF), the paper and the
 * printer (the clerk's last choice first), then the copy issued in the core — numbered and
 * audited — and sent to the spooler. On Windows the core has WebView2 print this preview, as
 * the print style sheet lays it out, straight to the chosen printer (src-tauri/src/print_windows.rs):
 * keep the preview on screen while printing.
 */
export function SlipDialog({ code, onClose }: { code: string; onClose: () => void }) {
  const { m } = useDesk();
  const vocabulary = useVocabulary();
  const [paper, setPaper] = useState("a5");
  const [printer, setPrinter] = useState<string | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [printed, setPrinted] = useState<SlipIssued | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = useQuery({
    queryKey: ["slip", code, paper, printed?.copy ?? 0],
    queryFn: () => api.slipPreview(code, paper),
  });
  useEffect(() => {
    if (printer === null && preview.data?.chosen_printer) setPrinter(preview.data.chosen_printer);
  }, [preview.data, printer]);

  const send = () => {
    if (!printer) return;
    setBusy(true);
    setError(null);
    api
      .printSlip(code, paper, printer)
      .then(setPrinted)
      // Windows (issue 17): no window.print() fallback any more; the core prints the preview.
      .catch((caught: unknown) => setError(asCommandError(caught)))
      .finally(() => setBusy(false));
  };

  const data = preview.data;
  // Why «send» cannot be pressed, said in words beside it (never a grey button alone).
  const blocked = !data
    ? preview.isPending
      ? "ui-slip-preview-pending"
      : null
    : data.printers.length === 0
      ? "ui-slip-cannot-send-no-printers"
      : !printer
        ? "ui-slip-choose-printer"
        : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={m.t("ui-slip-title")}
      size="xl"
      data-testid="slip-dialog"
    >
      <Stack>
        <Group align="flex-end">
          <Select
            label={m.t("ui-slip-paper")}
            value={paper}
            allowDeselect={false}
            onChange={(v) => setPaper(v ?? "a5")}
            data={options(vocabulary?.slip_papers, m)}
            w={170}
            data-testid="slip-paper"
          />
          <Select
            label={m.t("ui-slip-printer")}
            value={printer}
            allowDeselect={false}
            onChange={setPrinter}
            data={(data?.printers ?? []).map((p) => ({
              value: p.name,
              label: p.description || p.name,
            }))}
            w={260}
            data-testid="slip-printer"
          />
          {data && (
            <Badge size="lg" color={data.copy > 1 ? "orange" : "teal"} data-testid="slip-copy">
              {data.copy > 1
                ? m.t("ui-slip-copy-duplicate", { copy: data.copy })
                : m.t("ui-slip-copy-first")}
            </Badge>
          )}
        </Group>
        {data && data.printers.length === 0 && (
          <Alert color="yellow">{m.t("ui-slip-no-printers")}</Alert>
        )}
        <ErrorAlert error={error ?? (preview.error ? asCommandError(preview.error) : null)} />
        {printed?.printed && (
          <Alert color="teal" data-testid="slip-sent">
            {m.t("ui-slip-sent", { copy: printed.copy, printer: printed.printed.printer })}
          </Alert>
        )}
        <div className="slip-preview" data-testid="slip-preview">
          {preview.isPending && <Loader />}
          {data?.pages.map((svg, i) => (
            <img key={i} src={pageUrl(svg)} alt={m.t("ui-slip-title")} className="slip-page" />
          ))}
        </div>
        {/* Windows (issue 17): what WebView2 prints — the same pages, directly under <body> so
            they flow one per sheet, outside the modal's fixed, scrolling box (theme.css). */}
        {data &&
          createPortal(
            <div className="slip-print" aria-hidden="true">
              {data.pages.map((svg, i) => (
                <img key={i} src={pageUrl(svg)} alt="" />
              ))}
            </div>,
            document.body,
          )}
        <Group justify="flex-end">
          {blocked && (
            <Text size="sm" c="dimmed" data-testid="slip-blocked" id="slip-blocked">
              {m.t(blocked)}
            </Text>
          )}
          <Button variant="default" onClick={onClose}>
            {m.t("ui-close")}
          </Button>
          <Button
            onClick={send}
            loading={busy}
            disabled={!printer || !data || data.printers.length === 0}
            aria-describedby={blocked ? "slip-blocked" : undefined}
            data-testid="slip-send"
          >
            {m.t("ui-slip-send")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
