import { Paper, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { KeptFiles } from "../components/KeptFiles";
import { useDesk } from "../context";
import { api } from "../lib/api";

/** The agency's letter and its enclosures on the request page: the reviewer and the director
 * read them without leaving the desk; the registry attaches them (the core refuses a closed
 * request, with its reason). */
export function RequestFiles({ code }: { code: string }) {
  const { m, session } = useDesk();
  const queries = useQueryClient();
  const files = useQuery({
    queryKey: ["request-files", code],
    queryFn: () => api.requestFiles(code),
  });
  const mayAttach = session.permissions.registers_requests;
  return (
    <Paper p="md" withBorder>
      <Title order={5} mb="sm">
        {m.t("ui-request-files")}
      </Title>
      <KeptFiles
        files={files.data ?? []}
        testId="request-files"
        attach={
          mayAttach
            ? (content, name, title) =>
                api
                  .attachRequestFile(
                    code,
                    (files.data ?? []).some((f) => f.purpose === "letter") ? "enclosure" : "letter",
                    content,
                    name,
                    title,
                  )
                  .then(() => queries.invalidateQueries({ queryKey: ["request-files", code] }))
            : undefined
        }
      />
    </Paper>
  );
}
