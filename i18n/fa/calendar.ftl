## The working calendar: official holidays, Thursdays, overdue requests.

error-not-found-holiday = این روز در فهرست تعطیلات رسمی نیست.
cli-holiday-added = { $date } با عنوان «{ $title }» تعطیل رسمی شد.
cli-holiday-removed = { $date } دیگر تعطیل رسمی نیست.
cli-holidays-empty = تعطیل رسمی‌ای ثبت نشده است.
cli-thursday-off-on = پنجشنبه‌ها تعطیل است؛ مهلت‌ها از این پس بدون پنجشنبه شمرده می‌شوند.
cli-thursday-off-off = پنجشنبه‌ها روز کاری است؛ مهلت‌ها از این پس با پنجشنبه شمرده می‌شوند.
cli-office-hours-set = ساعات اداری: شنبه تا چهارشنبه { $weekdays }، پنجشنبه‌های کاری { $thursday }. مهلت درخواست‌هایی که از این پس به وضعیتی می‌رسند در این ساعات شمرده می‌شود؛ درخواست‌های باز مهلت کنونی خود را تا تغییر وضعیت بعدی نگه می‌دارند.
field-weekday-opens = شروع ساعات اداری شنبه تا چهارشنبه (--weekdays)
field-weekday-closes = پایان ساعات اداری شنبه تا چهارشنبه (--weekdays)
field-thursday-opens = شروع ساعات اداری پنجشنبه (--thursday)
field-thursday-closes = پایان ساعات اداری پنجشنبه (--thursday)
cli-overdue-empty = درخواستی از مهلت نگذشته است.
