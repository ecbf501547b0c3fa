import { Button, Modal } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Document } from "../../bindings";
import { KeptFiles } from "../../components/KeptFiles";
import { useDesk } from "../../context";
import { api } from "../../lib/api";

/** A document's scans in the register: every version with its first page, and a drop zone for
 * the next one (the registry and the administrator keep the register). */
export function DocumentScansButton({ doc }: { doc: Document }) {
  const { m } = useDesk();
  const [open, setOpen] = useState(false);
  const queries = useQueryClient();
  const scans = useQuery({
    queryKey: ["doc-scans", doc.id],
    queryFn: () => api.documentScans(doc.id),
    enabled: open,
  });
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => setOpen(true)}
        data-testid={`doc-scans-${doc.registry_number}`}
      >
        {m.t("ui-doc-scans")}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        size="lg"
        title={m.t("ui-doc-scans-title", { number: doc.registry_number })}
      >
        <KeptFiles
          files={scans.data ?? []}
          testId="doc-scans"
          attach={(content, name, title) =>
            api
              .attachScan(doc.id, content, name, title)
              .then(() => queries.invalidateQueries({ queryKey: ["doc-scans", doc.id] }))
          }
        />
      </Modal>
    </>
  );
}
