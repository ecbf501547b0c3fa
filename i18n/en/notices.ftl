## Notices: maintenance windows and disruption notices.

notice-kind-maintenance = Planned maintenance
notice-kind-disruption = Disruption
error-read-only-maintenance = The system is read-only for maintenance until { $until }; nothing can be changed now.
error-notice-ends-before-start = The end must come after the start.
error-datetime-format = Enter the date and time as 1404/10/10 14:00.
error-not-found-notice = No notice has this id, or it was already cancelled.
field-starts = Starts
field-ends = Ends
cli-notice-added = Notice recorded: { $id }
cli-notice-cancelled = Notice cancelled.
cli-notices-empty = No notices.
cli-notice-read-only = read-only
cli-notice-cancelled-mark = cancelled
