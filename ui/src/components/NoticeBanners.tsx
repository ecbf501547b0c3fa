import { Alert } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMessages } from "../context";
import { api } from "../lib/api";

/** How often banners are asked for again: an announced window starts on the clock, not on a change. */
const BANNER_REFRESH_MS = 60_000;

/**
 * Maintenance windows and disruptions, from the lead time before they start until they end, on
 * every desk. During a read-only window the core refuses changes; the banner says why.
 */
export function NoticeBanners() {
  const m = useMessages();
  const banners = useQuery({
    queryKey: ["banners"],
    queryFn: api.activeBanners,
    refetchInterval: BANNER_REFRESH_MS,
  });
  if (!banners.data || banners.data.length === 0) return null;
  return (
    <div className="notice-banners" data-testid="notice-banners">
      {banners.data.map((n) => (
        <Alert
          key={n.id}
          color={n.kind === "disruption" ? "red" : n.in_progress ? "orange" : "yellow"}
          title={m.t(
            n.kind === "disruption"
              ? "ui-banner-disruption"
              : n.in_progress
                ? "ui-banner-maintenance-now"
                : "ui-banner-maintenance-ahead",
            { starts: m.digits(n.starts_jalali), ends: m.digits(n.ends_jalali) },
          )}
          data-notice={n.id}
        >
          {n.text}
          {n.read_only && <div>{m.t("ui-banner-read-only")}</div>}
        </Alert>
      ))}
    </div>
  );
}
