## Reports: titles, column headers, and the command line's messages.

report-title-status-counts = درخواست‌ها بر پایهٔ وضعیت
report-title-stage-times = زمان ماندن در هر مرحله
report-title-on-time = انجام در مهلت
report-title-complaints = شکایت‌ها و پیشنهادها
report-col-status = وضعیت
report-col-count = تعداد
report-col-stays = دفعات
report-col-average-hours = میانگین ساعت
report-col-p90-hours = صدک نودم ساعت
report-col-month = ماه
report-col-agency = دستگاه
report-col-stages = مراحل انجام‌شده
report-col-within-target = در مهلت
report-col-share-percent = درصد در مهلت
report-col-kind = نوع
report-col-registered = ثبت‌شده
report-col-assigned = ارجاع‌شده
report-col-answered = پاسخ‌داده‌شده
report-col-closed = بسته‌شده
report-total = جمع
error-report-kind-unknown = این گزارش شناخته‌شده نیست.
cli-report-written = گزارش در { $path } نوشته شد.
cli-report-empty = داده‌ای برای این بازه نیست.
cli-report-period-all = از آغاز تا { $to }
cli-report-period = از { $from } تا { $to }
