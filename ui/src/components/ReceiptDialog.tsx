import { Alert, Button, Group, Loader, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import type { CommandError, FileWritten, Printed } from "../bindings";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { isolateLtr } from "../lib/digits";
import { options, useVocabulary } from "../lib/vocabulary";
import { ErrorAlert } from "./errors";

function pageUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * The registration receipt (رسید ثبت) right after a clerk registers a request or a complaint: the tracking
 * code, the follow-up PIN — shown this once, since the database keeps only its hash — the
 * portal's address and what happens next, with the receipt printed (the PDF to the spooler, as
 * the slip is) or saved as a PDF. The desk process keeps the receipt only while this dialog is
 * open; closing it forgets the PIN for good.
 */
export function ReceiptDialog({
  code,
  codeGrouped,
  pin,
  complaint = false,
  onClose,
}: {
  code: string;
  codeGrouped: string;
  pin: string;
  /** A complaint's, suggestion's or comment's receipt (its own title and next step). */
  complaint?: boolean;
  onClose: () => void;
}) {
  const { m } = useDesk();
  const vocabulary = useVocabulary();
  const [paper, setPaper] = useState("a5");
  const [printer, setPrinter] = useState<string | null>(null);
  const [path, setPath] = useState("");
  const [error, setError] = useState<CommandError | null>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [saved, setSaved] = useState<FileWritten | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = useQuery({
    queryKey: ["receipt", code, paper, m.lang],
    queryFn: () => api.receiptPreview(code, paper, m.lang),
    staleTime: Infinity,
  });
  useEffect(() => {
    if (printer === null && preview.data?.chosen_printer) setPrinter(preview.data.chosen_printer);
  }, [preview.data, printer]);
  useEffect(() => {
    void api.suggestedReceiptPath(code).then(setPath);
  }, [code]);

  const close = () => {
    void api.forgetReceipt(code);
    onClose();
  };
  const print = () => {
    if (!printer) return;
    setBusy(true);
    setError(null);
    api
      .printReceipt(code, paper, printer, m.lang)
      .then(setPrinted)
      .catch((caught: unknown) => setError(asCommandError(caught)))
      .finally(() => setBusy(false));
  };
  const save = () => {
    setError(null);
    api
      .saveReceipt(code, paper, path, m.lang)
      .then(setSaved)
      .catch((caught: unknown) => setError(asCommandError(caught)));
  };

  const data = preview.data;
  return (
    <Modal
      opened
      onClose={close}
      title={m.t(complaint ? "receipt-complaint-title" : "ui-receipt-title")}
      size="xl"
      closeOnClickOutside={false}
      // The registration form puts the focus on the new code once this closes.
      returnFocus={false}
      data-testid="receipt-dialog"
    >
      <Stack gap="sm">
        <div className="receipt-facts">
          <Text size="sm" c="dimmed">
            {m.t("slip-tracking-code")}
          </Text>
          <Text fw={700} size="lg" className="code" data-testid="receipt-code" data-code={code}>
            {m.digits(codeGrouped)}
          </Text>
          <Text size="sm" c="dimmed">
            {m.t("receipt-pin")}
          </Text>
          <Text
            fw={700}
            size="xl"
            className="code"
            data-testid="receipt-pin"
            data-pin={pin}
            style={{ letterSpacing: "0.15em" }}
          >
            <bdi>{m.digits(pin)}</bdi>
          </Text>
          <Text size="sm" c="dimmed">
            {m.t("receipt-portal")}
          </Text>
          <Text data-testid="receipt-portal">
            {data?.portal_address ? (
              <bdi dir="ltr">{data.portal_address}</bdi>
            ) : (
              m.t("ui-receipt-no-portal")
            )}
          </Text>
        </div>
        <Alert color="orange" data-testid="receipt-once">
          {m.t("ui-receipt-pin-once")}
        </Alert>
        <Text size="sm" data-testid="receipt-next">
          <strong>{m.t("receipt-next")}: </strong>
          {m.t(complaint ? "receipt-complaint-next-text" : "receipt-next-text")}
        </Text>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={m.t("ui-slip-paper")}
            value={paper}
            allowDeselect={false}
            onChange={(v) => setPaper(v ?? "a5")}
            data={options(vocabulary?.receipt_papers, m)}
            w={170}
            data-testid="receipt-paper"
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
            w={240}
            data-testid="receipt-printer"
          />
          <Button
            onClick={print}
            loading={busy}
            disabled={!printer || !data}
            data-testid="receipt-print"
          >
            {m.t("ui-receipt-print")}
          </Button>
        </Group>
        {data && data.printers.length === 0 && (
          <Alert color="yellow">{m.t("ui-slip-no-printers")}</Alert>
        )}
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            name="receipt.path"
            label={m.t("ui-receipt-path")}
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            dir="ltr"
            style={{ flex: 1, minWidth: 0 }}
            data-testid="receipt-path"
          />
          <Button variant="light" onClick={save} data-testid="receipt-save">
            {m.t("ui-receipt-save")}
          </Button>
        </Group>
        <ErrorAlert error={error ?? (preview.error ? asCommandError(preview.error) : null)} />
        {printed && (
          <Alert color="teal" data-testid="receipt-sent">
            {m.t("ui-receipt-sent", { printer: printed.printer })}
          </Alert>
        )}
        {saved && (
          <Alert color="teal" data-testid="receipt-saved">
            {m.t("ui-report-written", { path: isolateLtr(saved.path) })}
          </Alert>
        )}
        <div className="slip-preview" data-testid="receipt-preview">
          {preview.isPending && <Loader />}
          {data?.pages.map((svg, i) => (
            <img key={i} src={pageUrl(svg)} alt={m.t("ui-receipt-title")} className="slip-page" />
          ))}
        </div>
        {/* Windows: what WebView2 prints, as the slip dialog does (theme.css). */}
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
          <Button variant="default" onClick={close} data-testid="receipt-close">
            {m.t("ui-close")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
