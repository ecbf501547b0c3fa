## Reports: titles, column headers, and the command line's messages.

report-title-status-counts = Requests by state
report-title-stage-times = Time in each stage
report-title-on-time = Done within target
report-title-complaints = Complaints and suggestions
report-col-status = State
report-col-count = Count
report-col-stays = Stays
report-col-average-hours = Average hours
report-col-p90-hours = 90th percentile hours
report-col-month = Month
report-col-agency = Agency
report-col-stages = Stages finished
report-col-within-target = Within target
report-col-share-percent = Share within target (%)
report-col-kind = Kind
report-col-registered = Registered
report-col-assigned = Assigned
report-col-answered = Answered
report-col-closed = Closed
report-total = Total
error-report-kind-unknown = Unknown report.
cli-report-written = Report written to { $path }.
cli-report-empty = No data for this period.
cli-report-period-all = From the start to { $to }
cli-report-period = From { $from } to { $to }
