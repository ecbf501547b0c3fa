## The working calendar: official holidays, Thursdays, overdue requests.

error-not-found-holiday = این روز در فهرست تعطیلات رسمی نیست.
cli-holiday-added = { $date } با عنوان «{ $title }» تعطیل رسمی شد.
cli-holiday-removed = { $date } دیگر تعطیل رسمی نیست.
cli-holidays-empty = تعطیل رسمی‌ای ثبت نشده است.
cli-thursday-off-on = پنجشنبه‌ها تعطیل است؛ مهلت‌ها از این پس بدون پنجشنبه شمرده می‌شوند.
cli-thursday-off-off = پنجشنبه‌ها روز کاری است؛ مهلت‌ها از این پس با پنجشنبه شمرده می‌شوند.
cli-overdue-empty = درخواستی از مهلت نگذشته است.
