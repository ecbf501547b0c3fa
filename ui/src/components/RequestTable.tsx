import { Badge, Table, Text } from "@mantine/core";
import type { RequestSummary } from "../bindings";
import { useDesk } from "../context";
import { formatInstant } from "../lib/jalali";

/** Requests as rows; a row opens with a click or with Enter when focused (Tab moves between rows). */
export function RequestTable({ items, testId }: { items: RequestSummary[]; testId: string }) {
  const { m, go } = useDesk();
  return (
    // The header row stays in view in a long queue, under the desk's own sticky header.
    <Table
      highlightOnHover
      striped
      stickyHeader
      stickyHeaderOffset="var(--desk-header-height)"
      data-testid={testId}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{m.t("ui-col-code")}</Table.Th>
          <Table.Th>{m.t("ui-col-status")}</Table.Th>
          <Table.Th>{m.t("ui-col-org")}</Table.Th>
          <Table.Th>{m.t("ui-col-applicant")}</Table.Th>
          <Table.Th>{m.t("ui-col-letter")}</Table.Th>
          <Table.Th>{m.t("ui-col-created")}</Table.Th>
          <Table.Th>{m.t("ui-col-deadline")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr
            key={r.id}
            className={r.overdue ? "row-link overdue-row" : "row-link"}
            tabIndex={0}
            data-code={r.tracking_code}
            onClick={() => go({ name: "request", code: r.tracking_code })}
            onKeyDown={(e) => {
              if (e.key === "Enter") go({ name: "request", code: r.tracking_code });
            }}
          >
            <Table.Td>
              <span className="code">{m.digits(r.tracking_code_grouped)}</span>
            </Table.Td>
            <Table.Td className="nowrap">
              <Badge variant="light" color={r.overdue ? "red" : "teal"} className="badge-whole">
                {m.spelled("status", r.status)}
              </Badge>
              {r.acting_for && (
                <Badge
                  variant="light"
                  color="grape"
                  ms={4}
                  className="badge-whole"
                  data-testid="acting-row"
                >
                  {m.t("delegation-acting-for", { name: `\u2068${r.acting_for}\u2069` })}
                </Badge>
              )}
              {r.channel === "portal" && (
                <Badge
                  variant="light"
                  color="indigo"
                  ms={4}
                  className="badge-whole"
                  data-testid="portal-row"
                >
                  {m.t("ui-from-portal", { account: `\u2068${r.portal_account ?? ""}\u2069` })}
                </Badge>
              )}
              {r.priority === "urgent" && (
                <Badge variant="filled" color="orange" ms={4} className="badge-whole">
                  {m.spelled("priority", r.priority)}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <bdi>{r.requesting_org_name}</bdi>
            </Table.Td>
            <Table.Td>
              <bdi>{r.applicant_name}</bdi>
            </Table.Td>
            <Table.Td>
              {/* As stored (another office's identifier): isolated, unbroken, digits unchanged. */}
              <bdi className="nowrap" data-testid="letter-number">
                {r.letter_number}
              </bdi>
            </Table.Td>
            <Table.Td className="nowrap">{m.digits(formatInstant(r.created_at))}</Table.Td>
            <Table.Td className="nowrap">
              {r.deadline_at ? m.digits(formatInstant(r.deadline_at)) : "—"}
              {r.overdue && (
                <Text span c="red" fw={700} ms={6}>
                  {m.t("ui-overdue")}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
