# Files the office keeps: scans of documents, letters attached to requests (crates/sanad-scan).

error-scan-empty = فایل خالی است؛ فایل اسکن سند را دوباره انتخاب کنید.
error-scan-too-large = حجم فایل { $size } مگابایت است و بیش از سقف { $limit } مگابایت است.
error-scan-not-a-scan = این فایل PDF،{"\u200F"} JPEG،{"\u200F"} PNG یا TIFF نیست؛ { $looks ->
    [text] محتوای آن متن است، هر نامی که داشته باشد.
    [zip] یک بایگانی فشرده (ZIP) است.
    [gif] تصویر GIF است.
    [program] یک برنامه است.
    [pdf-late] سرآغاز PDF در ابتدای فایل نیست.
   *[other] نوع آن شناخته نشد.
}
error-scan-malformed = فایل { $kind ->
    [pdf] PDF
    [jpeg] JPEG
    [png] PNG
   *[tiff] TIFF
} آسیب دیده یا ناقص است و خوانده نمی‌شود.
error-scan-trailing-data = پس از پایان فایل { $kind ->
    [pdf] PDF
    [jpeg] JPEG
    [png] PNG
   *[tiff] TIFF
} دادهٔ دیگری چسبیده است؛ چنین فایلی نگه داشته نمی‌شود.
error-scan-active-content = این PDF محتوای فعال دارد ({ $what ->
    [javascript] اسکریپت
    [launch] اجرای برنامه
    [submit-form] ارسال فرم
    [import-data] ورود داده
    [rich-media] رسانهٔ تعاملی
    [xfa] فرم XFA
   *[other] اقدام خودکار
}) و پذیرفته نمی‌شود؛ از اسکنر یا چاپگر PDF یک نسخهٔ سادهٔ تصویری بگیرید.
error-scan-embedded-files = این PDF فایل‌های پیوست‌شده در درون خود دارد و پذیرفته نمی‌شود.
error-scan-encrypted = این PDF رمزگذاری شده است؛ نسخهٔ بدون رمز را بدهید.
error-scan-no-pages = این فایل هیچ صفحه‌ای ندارد.
error-scan-too-many-pages = این فایل { $pages } صفحه دارد و بیش از سقف { $limit } صفحه است.
error-scan-bomb = این فایل پس از بازشدن چندین برابر حجم خود می‌شود (بمب فشرده‌سازی) و پذیرفته نمی‌شود.
error-scan-limit-range = سقف حجم فایل باید عددی از { $min } تا { $max } مگابایت باشد.
error-file-purpose-unknown = نوع فایل پیوست باید «نامهٔ دستگاه» یا «پیوست» باشد.
error-file-request-closed = این درخواست در وضعیت «{ $status }» بسته شده است و پیوست تازه نمی‌پذیرد.

file-purpose-letter = نامهٔ دستگاه
file-purpose-enclosure = پیوست
cli-file-attached = فایل { $kind } با { $pages } صفحه پیوست شد (نسخهٔ { $number }، شناسه { $id }).
cli-files-none = فایلی پیوست نشده است.
cli-file-line = { $number }. { $title } — { $kind }، { $pages } صفحه، { $size } بایت، { $added_at }، { $added_by }{ $current ->
    [yes] {" "}(نسخهٔ جاری)
   *[no] {""}
}
cli-file-digest = { "  " }چکیده: { $sha256 }
cli-file-saved = فایل در { $path } نوشته شد.
cli-scan-limit-set = سقف حجم هر فایل { $megabytes } مگابایت شد.
error-not-found-file = چنین فایلی پیدا نشد.
error-conflict-file-attached = هم‌زمان از میز دیگری فایلی پیوست شد؛ دوباره تلاش کنید.

ui-file-unreadable = فایل خوانده نشد؛ دوباره انتخابش کنید.
ui-files-none = هنوز فایلی پیوست نشده است.
ui-files-drop-hint = فایل اسکن (PDF،{"\u200F"} JPEG،{"\u200F"} PNG یا TIFF) را اینجا رها کنید یا «انتخاب فایل» را بزنید.
ui-files-pick = انتخاب فایل
ui-file-title = عنوان (اختیاری)
ui-file-attached = «{ $name }» پیوست شد.
ui-file-current = نسخهٔ جاری ({ $number })
ui-file-version = نسخهٔ { $number }
ui-file-facts = { $kind }، { $pages } صفحه، { $size }
ui-file-size-kb = { $value } کیلوبایت
ui-file-size-mb = { $value } مگابایت
ui-file-added = { $at }، { $by }
ui-file-thumbnail-loading = در حال آماده‌سازی پیش‌نما…
ui-file-thumbnail-alt = صفحهٔ نخست «{ $title }»
ui-doc-scans = اسکن‌ها
ui-doc-scans-title = اسکن‌های سند { $number }
ui-request-files = نامه و پیوست‌ها
audit-settings-scan-limit = تغییر سقف حجم فایل
audit-document-attach-scan = پیوست اسکن سند
audit-request-attach-file = پیوست نامه یا پیوست درخواست
field-megabytes = سقف حجم فایل (مگابایت)
ui-file-digest = چکیده { $digest }
