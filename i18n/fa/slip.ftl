## The dispatch slip (رسید ارسال سند) and printing it.

slip-title = رسید ارسال سند
slip-document-title = رسید ارسال سند { $code }
slip-directorate-default = اداره کل امور اقتصادی و دارایی
slip-duplicate = المثنی — نسخهٔ { $copy }
slip-tracking-code = کد رهگیری
slip-issued-at = تاریخ و ساعت صدور
slip-requesting-org = دستگاه درخواست‌کننده
slip-destination = مقصد
slip-destination-self = همان دستگاه درخواست‌کننده
slip-letter = نامهٔ درخواست
slip-letter-value = شمارهٔ { $number } مورخ { $date }
slip-documents = اسناد
slip-document-line = شمارهٔ ثبت { $registry }: { $title }
slip-dispatch-mode = نحوهٔ ارسال
slip-return-due = مهلت بازگشت سند
slip-applicant = متقاضی
slip-applicant-value = { $name }، کد ملی { $national_code }
slip-approvals = تأییدها
slip-approval-line = { $name } ({ $role })، { $at }
slip-no-approvals = بدون تأیید ثبت‌شده
slip-clerk = کارمند صادرکننده
slip-signature-clerk = امضا و مهر دبیرخانه
slip-signature-recipient = امضای تحویل‌گیرنده
slip-keep-code = این کد رهگیری را نزد خود نگه دارید؛ پیگیری درخواست با همین کد انجام می‌شود.

error-slip-not-printable = برای درخواستی در وضعیت «{ $status }» رسید صادر نمی‌شود.
error-slip-paper = این اندازهٔ کاغذ برای رسید پشتیبانی نمی‌شود.
error-logo-not-png = نشان اداره باید تصویر PNG باشد.
error-logo-too-large = پروندهٔ نشان اداره بزرگ‌تر از حد مجاز است.

field-directorate-name = نام اداره کل
field-logo = نشان اداره
field-paper = اندازهٔ کاغذ
field-printer = چاپگر

cli-slip-saved = رسید (نسخهٔ { $copy }) در { $path } ذخیره شد.
cli-slip-printed = رسید (نسخهٔ { $copy }) به چاپگر { $printer } فرستاده شد؛ شمارهٔ کار چاپ: { $job }.
cli-slip-out-or-print = یکی از --out یا --print را بدهید.
cli-slip-size = اندازهٔ کاغذ باید یکی از این‌ها باشد: { $sizes }
cli-slip-render-failed = ساختن پی‌دی‌اف رسید ناموفق بود: { $detail }
cli-slip-write-failed = نوشتن پرونده در { $path } ناموفق بود.
cli-slip-print-failed = چاپ رسید ناموفق بود: { $detail }
cli-slip-no-such-printer = چاپگری به نام { $printer } در این سامانه نیست.
cli-slip-no-printer = چاپگری انتخاب نشده و سامانه چاپگر پیش‌فرض ندارد؛ --printer را بدهید.
cli-slip-print-from-app = در این سامانه رسید از پیش‌نمایش رسید در برنامه چاپ می‌شود؛ یا با --out ذخیره و چاپش کنید.
cli-printer-line = { $name }{ $default }
cli-printer-default-mark = (پیش‌فرض)
cli-printer-none = هیچ چاپگری در این سامانه تعریف نشده است.
cli-printer-saved = چاپگر پیش‌فرض رسیدها: { $printer }
