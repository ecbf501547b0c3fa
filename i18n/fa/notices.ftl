## Notices: maintenance windows and disruption notices.

notice-kind-maintenance = نگهداری برنامه‌ریزی‌شده
notice-kind-disruption = اختلال
error-read-only-maintenance = سامانه تا { $until } برای نگهداری فقط‌خواندنی است؛ اکنون نمی‌توان چیزی را تغییر داد.
error-notice-ends-before-start = پایان بازه باید پس از آغاز آن باشد.
error-datetime-format = تاریخ و ساعت را به شکل ۱۴۰۴/۱۰/۱۰ ۱۴:۰۰ وارد کنید.
error-not-found-notice = اطلاعیه‌ای با این شناسه پیدا نشد، یا پیش‌تر لغو شده است.
field-starts = آغاز
field-ends = پایان
cli-notice-added = اطلاعیه ثبت شد: { $id }
cli-notice-cancelled = اطلاعیه لغو شد.
cli-notices-empty = اطلاعیه‌ای نیست.
cli-notice-read-only = فقط‌خواندنی
cli-notice-cancelled-mark = لغوشده
