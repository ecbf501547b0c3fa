## The desktop app's own words (ui/). Errors of the core live in errors.ftl and validation.ftl.

ui-loading = در حال بارگذاری…
ui-app-subtitle = سامانهٔ ارسال سند به دستگاه اجرایی یا دستگاه ثالث
ui-error-not-signed-in = نشست شما پایان یافته است؛ دوباره وارد شوید.
ui-error-not-ready = برنامه هنوز پایگاه داده را باز می‌کند؛ چند لحظه بعد دوباره تلاش کنید.
ui-error-unexpected = خطای پیش‌بینی‌نشده‌ای رخ داد؛ دوباره تلاش کنید.
ui-error-start = برنامه نتوانست به پایگاه داده وصل شود.
ui-start-waiting = در حال آماده شدن…
ui-start-keychain = در انتظار انبار رمزهای سیستم‌عامل…
ui-start-database = در حال باز کردن پایگاه داده و به‌روز کردن ساختار آن…

## Shell
ui-nav-queue = کارتابل
ui-nav-new = درخواست تازه
ui-nav-search = جست‌وجو
ui-nav-admin = مدیریت
ui-nav-help = میان‌برها
ui-logout = خروج
ui-language = زبان
ui-lang-fa = فارسی
ui-lang-en = انگلیسی
ui-tracking-box = کد رهگیری
ui-tracking-box-placeholder = کد رهگیری یا بارکد
ui-open = باز کن
ui-signed-in-as = { $name }، { $role }
ui-database-location = پایگاه داده: { $path }

## First run and sign-in
ui-first-run-title = راه‌اندازی نخستین
ui-first-run-intro = پیش از کار، محل نگهداری داده‌ها را برگزینید و مسئول سامانه را بسازید.
ui-db-choice = محل داده‌ها
ui-db-embedded = پایگاه دادهٔ درونی روی همین رایانه (پیش‌فرض)
ui-db-embedded-path = فایل داده: { $path }
ui-db-postgres = کارگزار مشترک { "PostgreSQL" } اداره
ui-create-admin = ساخت مسئول سامانه و ورود
ui-password-repeat = تکرار گذرواژه
ui-passwords-differ = دو گذرواژه یکسان نیستند.
ui-login-title = ورود به میز سند
ui-login = ورود
ui-field-username = نام کاربری
ui-field-password = گذرواژه
ui-field-display-name = نام و نام خانوادگی

## Queue
ui-queue-title = کارتابل
ui-queue-empty = اکنون چیزی در کارتابل شما نیست.
ui-queue-overdue = { $count } مورد از مهلت گذشته
ui-queue-admin = مسئول سامانه به درخواست‌ها دسترسی ندارد؛ برای کاربران، دستگاه‌ها و دفتر مخزن به بخش مدیریت بروید.
ui-overdue = دیرکرد
ui-col-code = کد رهگیری
ui-col-status = وضعیت
ui-col-org = دستگاه درخواست‌کننده
ui-col-applicant = متقاضی
ui-col-letter = شمارهٔ نامه
ui-col-deadline = مهلت
ui-col-created = تاریخ ثبت
ui-col-priority = اولویت
ui-more = بیشتر

## New request
ui-new-title = ثبت درخواست تازه
ui-field-requesting-org = دستگاه درخواست‌کننده
ui-field-destination-org = مقصد دیگر (دستگاه ثالث)
ui-field-documents = اسناد درخواستی
ui-field-dispatch-mode = نحوهٔ ارسال
ui-field-return-due = مهلت بازگشت اصل سند
ui-field-applicant-name = نام متقاضی
ui-field-national-code = کد ملی متقاضی
ui-field-mobile = تلفن همراه متقاضی
ui-field-letter-number = شمارهٔ نامه
ui-field-letter-date = تاریخ نامه
ui-field-purpose = موضوع و هدف درخواست
ui-field-priority = اولویت
ui-org-placeholder = نام دستگاه را بنویسید
ui-doc-placeholder = شمارهٔ ثبت یا عنوان سند را بنویسید
ui-nothing-found = چیزی پیدا نشد
ui-submit-request = ثبت و دریافت کد رهگیری
ui-clear-form = پاک کردن فرم
ui-registered = درخواست ثبت شد. کد رهگیری:
ui-form-has-errors = برخی بخش‌ها نیاز به اصلاح دارند؛ چیزی ذخیره نشد و نوشته‌های شما سر جایشان است.
ui-date-placeholder = ۱۴۰۴/۰۱/۱۵
ui-date-today = امروز
ui-date-weekday = { $weekday }

## Request page
ui-request-title = درخواست
ui-label-requesting-org = دستگاه درخواست‌کننده
ui-label-destination = مقصد دیگر
ui-label-documents = اسناد
ui-label-mode = نحوهٔ ارسال
ui-label-return-due = مهلت بازگشت
ui-label-applicant = متقاضی
ui-label-letter = نامه
ui-label-purpose = موضوع
ui-label-priority = اولویت
ui-label-created = تاریخ ثبت
ui-label-deadline = مهلت وضعیت کنونی
ui-label-version = نسخه
ui-letter-line = شمارهٔ { $number } به تاریخ { $date }
ui-timeline = سابقهٔ گردش کار
ui-history-by = { $user }، { $role }
ui-history-registered = ثبت درخواست
ui-no-actions = اکنون اقدامی از نقش شما روی این درخواست ساخته نیست.
ui-actions = اقدام‌ها
ui-note = یادداشت
ui-note-required = نوشتن دلیل الزامی است.
ui-confirm = انجام شود
ui-dismiss = انصراف
ui-action-done = اقدام «{ $action }» انجام شد.
ui-conflict-refreshed = وضعیت تازهٔ درخواست نمایش داده شد.
ui-back = بازگشت

## Search
ui-search-title = جست‌وجوی درخواست‌ها
ui-filter-code = کد رهگیری
ui-filter-org = دستگاه درخواست‌کننده
ui-filter-letter = شمارهٔ نامه
ui-filter-status = وضعیت
ui-filter-from = از تاریخ ثبت
ui-filter-to = تا تاریخ ثبت
ui-filter-text = متن (نام متقاضی، دستگاه، سند، موضوع)
ui-any = همه
ui-search-run = جست‌وجو
ui-search-none = درخواستی با این شرایط پیدا نشد.

## Administration
ui-admin-title = مدیریت
ui-tab-users = کاربران
ui-tab-orgs = دستگاه‌ها
ui-tab-docs = دفتر اسناد مخزن
ui-user-add = افزودن کاربر
ui-field-role = نقش
ui-col-username = نام کاربری
ui-col-name = نام
ui-col-role = نقش
ui-col-active = فعال
ui-yes = بله
ui-no = خیر
ui-org-add = افزودن دستگاه
ui-field-org-name = نام دستگاه
ui-field-org-kind = نوع دستگاه
ui-field-national-id = شناسهٔ ملی (اختیاری)
ui-col-kind = نوع
ui-col-national-id = شناسهٔ ملی
ui-doc-add = افزودن سند به دفتر مخزن
ui-field-registry-number = شمارهٔ ثبت
ui-field-title = عنوان سند
ui-field-plate = پلاک ثبتی (اختیاری)
ui-field-location = محل نگهداری (اختیاری)
ui-col-registry-number = شمارهٔ ثبت
ui-col-title = عنوان
ui-col-plate = پلاک
ui-col-in-repository = در مخزن
ui-saved = ذخیره شد.
ui-filter-list = پالایش فهرست

## Keyboard
ui-help-title = میان‌برهای صفحه‌کلید
ui-help-queue = رفتن به کارتابل
ui-help-new = ثبت درخواست تازه
ui-help-search = جست‌وجو
ui-help-admin = مدیریت
ui-help-tracking = رفتن به جعبهٔ کد رهگیری
ui-help-help = نمایش همین راهنما
ui-help-submit = ثبت فرم
ui-help-escape = بستن پنجره
ui-help-scanner = بارکدخوان: دوازده رقم و کلید ورود، در هر جای برنامه، درخواست را باز می‌کند
ui-change-password-title = گذرواژهٔ تازه
ui-change-password-intro = { $user }، با گذرواژهٔ یک‌بارمصرف وارد شده‌اید. پیش از هر کاری گذرواژهٔ تازه‌ای برگزینید.
ui-field-current-password = گذرواژهٔ یک‌بارمصرف یا کنونی
ui-field-new-password = گذرواژهٔ تازه
ui-change-password-submit = ثبت گذرواژهٔ تازه

## Database connection
ui-db-change = تغییر محل داده‌ها
ui-db-connect = اتصال و ذخیرهٔ انتخاب
ui-db-switch-intro = این میز داده‌هایش را از کجا بخواند. با تغییر آن همهٔ کاربران از این میز خارج می‌شوند و باید در پایگاه دادهٔ تازه وارد شوند.
ui-db-from-environment = این اجرا با متغیر محیطی { "SANAD_DB" } باز شده است؛ انتخاب ذخیره‌شده از اجرای بعدی بدون آن متغیر به کار می‌رود.
ui-db-password-keychain = گذرواژه در انبار رمزهای سیستم‌عامل نگهداری می‌شود، نه در هیچ فایلی. اگر پیش‌تر ذخیره شده، خالی بگذارید.
ui-field-db-host = نشانی کارگزار
ui-field-db-port = درگاه
ui-field-db-name = نام پایگاه داده
ui-field-db-user = نام کاربری پایگاه داده
ui-field-db-password = گذرواژهٔ پایگاه داده
ui-field-db-tls = رمزنگاری اتصال
ui-db-tls-require = همیشه رمزنگاری‌شده
ui-db-tls-verify-full = رمزنگاری‌شده با بررسی گواهی کارگزار
ui-db-tls-prefer = رمزنگاری‌شده اگر کارگزار پشتیبانی کند
ui-first-run-create = ساخت مسئول سامانه
ui-first-run-restore = بازیابی از پشتیبان

## Backup and restore
ui-backup-title = پشتیبان‌گیری
ui-backup-intro = همهٔ داده‌ها، از جمله رویدادنگاری، در یک فایل رمزگذاری‌شده نوشته می‌شود.
ui-backup-submit = نوشتن پشتیبان
ui-backup-written = پشتیبان در { $path } نوشته شد ({ $bytes } بایت).
ui-field-backup-path = مسیر فایل پشتیبان
ui-field-backup-passphrase = عبارت رمز پشتیبان (اختیاری)
ui-backup-passphrase-hint = اگر خالی بماند، کلید پشتیبان این رایانه در انبار رمزهای سیستم‌عامل به کار می‌رود و پشتیبان فقط روی همین رایانه باز می‌شود.
ui-restore-intro = پشتیبان فقط در پایگاه دادهٔ تازه و خالی بازیابی می‌شود. زنجیرهٔ رویدادنگاری پیش از ذخیره بررسی می‌شود.
ui-restore-submit = بازیابی پشتیبان
ui-restore-done = پشتیبان بازیابی شد؛ { $entries } رویداد با زنجیرهٔ سالم. اکنون با یکی از حساب‌های پشتیبان وارد شوید.
ui-restore-continue = رفتن به صفحهٔ ورود

## Accounts
ui-user-reset = گذرواژهٔ یک‌بارمصرف
ui-user-reset-title = بازنشانی گذرواژهٔ { $name }
ui-user-reset-confirm = یک گذرواژهٔ یک‌بارمصرف ساخته می‌شود و گذرواژهٔ کنونی دیگر کار نمی‌کند. کاربر باید در نخستین ورود آن را عوض کند.
ui-user-one-time-shown-once = این گذرواژه فقط همین یک بار نمایش داده می‌شود؛ آن را به خود کاربر بدهید.
ui-user-deactivate = غیرفعال کردن
ui-user-deactivate-title = غیرفعال کردن حساب { $name }
ui-user-deactivate-confirm = این کاربر دیگر نمی‌تواند وارد شود. حساب حذف نمی‌شود و نامش در سابقه‌ها می‌ماند.
ui-user-activate = فعال کردن
ui-close = بستن
ui-cancel = انصراف
ui-save = ذخیره
ui-policy-min-password = کمترین طول گذرواژه
ui-policy-lockout-attempts = شمار ورودهای ناموفق تا قفل شدن حساب
ui-policy-lockout-minutes = مدت قفل حساب (دقیقه)
ui-policy-idle-minutes = قفل میز پس از بی‌کاری (دقیقه)
ui-tab-policy = سیاست حساب‌ها
ui-tab-backup = پشتیبان
ui-tab-connection = پایگاه داده

## Audit log
ui-nav-audit = رویدادنگاری
ui-help-audit = رویدادنگاری
ui-audit-title = رویدادنگاری
ui-audit-verify = بررسی زنجیرهٔ رویدادنگاری
ui-audit-intact = زنجیره سالم است ({ $entries } رویداد).
ui-audit-broken = زنجیره در رویداد شمارهٔ { $seq } شکسته است.
ui-audit-user = کاربر
ui-audit-action = رویداد
ui-audit-action-hint = مانند { "request" } برای همهٔ رویدادهای درخواست
ui-audit-request = کد رهگیری درخواست
ui-audit-seq = ردیف
ui-audit-at = زمان
ui-audit-detail = جزئیات
ui-audit-empty = رویدادی با این پالایه‌ها نیست.
audit-request-step = درخواست: { $action }
audit-request-register = ثبت درخواست
audit-request-view-personal = دیدن اطلاعات شخصی درخواست
audit-request-slip-print = چاپ رسید
audit-request-slip-reprint = چاپ المثنی رسید
audit-user-login = ورود
audit-user-login-failed = ورود ناموفق
audit-user-login-locked = ورود به حساب قفل‌شده
audit-user-lockout = قفل شدن حساب
audit-user-password-reset = بازنشانی گذرواژه
audit-user-password-change = تغییر گذرواژه
audit-user-add = افزودن کاربر
audit-user-init-admin = ساخت مسئول سامانه
audit-user-activate = فعال کردن کاربر
audit-user-deactivate = غیرفعال کردن کاربر
audit-database-backup = پشتیبان‌گیری
audit-database-rekey = عوض کردن کلید پایگاه داده
audit-organization-add = افزودن دستگاه
audit-document-add = افزودن سند
audit-office-profile = تغییر مشخصات اداره
audit-settings-account-policy = تغییر سیاست حساب‌ها
audit-settings-target = تغییر هدف زمانی
audit-slip-default-printer = انتخاب چاپگر رسید

## Slip printing
ui-slip-print = چاپ رسید
ui-slip-title = چاپ رسید ارسال سند
ui-slip-paper = اندازهٔ کاغذ
ui-slip-paper-a5 = { "A5" }
ui-slip-paper-a4 = { "A4" }
ui-slip-paper-80mm = رول ۸۰ میلی‌متری
ui-slip-printer = چاپگر
ui-slip-copy-first = نسخهٔ اصل
ui-slip-copy-duplicate = المثنی — نسخهٔ { $copy }
ui-slip-send = فرستادن به چاپگر
ui-slip-sent = رسید (نسخهٔ { $copy }) به چاپگر { $printer } فرستاده شد.
ui-slip-no-printers = هیچ چاپگری روی این رایانه تعریف نشده است.
ui-slip-render-failed = رسید ساخته نشد؛ به مسئول سامانه خبر دهید.
ui-slip-no-such-printer = چاپگری به نام { $printer } روی این رایانه نیست.
ui-slip-no-printer = چاپگری انتخاب نشده و سیستم چاپگر پیش‌فرض ندارد.
ui-slip-spooler-refused = صف چاپ سیستم‌عامل کار چاپ را نپذیرفت؛ چاپگر را بررسی کنید و دوباره تلاش کنید. این نسخه ثبت شده و چاپ دوباره المثنی خواهد بود.
ui-slip-print-preview = صف چاپ این سیستم پروندهٔ PDF رسید را نمی‌پذیرد؛ رسید را از پیش‌نمایش آن در میز سند چاپ کنید.

## Errors
ui-error-file = فایل { $path } خوانده یا نوشته نشد؛ مسیر و دسترسی را بررسی کنید.
ui-error-render-title = این صفحه نمایش داده نشد
ui-error-render = خطایی در نمایش این صفحه رخ داد. چیزی از دست نرفته است؛ دوباره تلاش کنید یا به صفحهٔ دیگری بروید.
ui-error-render-retry = تلاش دوباره
ui-changes-live = تغییرات میزهای دیگر خودکار نمایش داده می‌شود
audit-field-tracking-code = کد رهگیری
audit-field-from = از وضعیت
audit-field-to = به وضعیت
audit-field-status = وضعیت
audit-field-note = توضیح
audit-field-version = نسخه
audit-field-copy = نسخهٔ رسید
audit-field-paper = کاغذ
audit-field-printer = چاپگر
audit-field-username = نام کاربری
audit-field-role = نقش
audit-field-name = نام
audit-field-kind = نوع
audit-field-national-id = شناسهٔ ملی
audit-field-registry-number = شمارهٔ ثبت
audit-field-title = عنوان
audit-field-hours = ساعت
audit-field-backend = نوع پایگاه داده
audit-field-directorate-name = نام اداره
audit-field-logo-bytes = اندازهٔ نشان (بایت)
audit-field-failures = ورودهای ناموفق
audit-field-until = تا
audit-field-active = فعال

## Complaints, suggestions and comments
ui-nav-complaints = شکایات و پیشنهادها
ui-help-complaints = شکایات، پیشنهادها و نظرها
ui-complaints-title = شکایات، پیشنهادها و نظرها
ui-complaints-list = فهرست
ui-complaints-open = همهٔ موارد باز
ui-complaints-mine = فقط ارجاع‌شده به من
ui-complaints-none = موردی نیست.
ui-complaint-new = ثبت مورد تازه
ui-complaint-kind = نوع
ui-complaint-person = نام و نام خانوادگی
ui-complaint-mobile = تلفن همراه
ui-complaint-email = رایانامه
ui-complaint-contact = راه تماس
ui-complaint-request = کد رهگیری درخواست مرتبط (اختیاری)
ui-complaint-text = متن
ui-complaint-register = ثبت و گرفتن کد رهگیری
ui-complaint-assignee = ارجاع به
ui-complaint-assignee-hint = یکی از کارکنان دبیرخانه، کارشناسان، مدیر یا نمایندهٔ وزارت؛ نامش را بنویسید تا پیدا شود
ui-complaint-answer = پاسخ
ui-note-optional = توضیح (اختیاری)
ui-notifications-title = پیام‌های فرستاده به متقاضی
ui-notification-sent = فرستاده شد
ui-notification-pending = در صف ارسال
ui-notification-next = تلاش بعدی { $at } (تاکنون { $attempts } بار)

## Tracking status
ui-track-request = درخواست
ui-track-complaint = شکایت، پیشنهاد یا نظر
ui-track-since = از { $since }
ui-track-name = به نام { $name }
ui-track-open = دیدن همهٔ جزئیات

## Notices
ui-banner-maintenance-ahead = نگهداری برنامه‌ریزی‌شده از { $starts } تا { $ends }
ui-banner-maintenance-now = نگهداری در جریان است، تا { $ends }
ui-banner-disruption = اختلال در خدمت، از { $starts } تا { $ends }
ui-banner-read-only = در این بازه سامانه فقط‌خواندنی است و تغییری پذیرفته نمی‌شود.
ui-tab-notices = اطلاعیه‌ها
ui-notice-kind = نوع اطلاعیه
ui-notice-maintenance = نگهداری
ui-notice-disruption = اختلال
ui-notice-starts = آغاز (سال/ماه/روز ساعت:دقیقه)
ui-notice-ends = پایان (سال/ماه/روز ساعت:دقیقه)
ui-notice-read-only = سامانه در این بازه فقط‌خواندنی باشد
ui-notice-read-only-short = فقط‌خواندنی
ui-notice-text = متن اطلاعیه
ui-notice-add = انتشار اطلاعیه
ui-notice-cancel = لغو
ui-notice-cancelled = لغوشده

## Calendar
ui-tab-calendar = تقویم کاری
ui-calendar-thursday-off = پنجشنبه‌ها تعطیل است
ui-office-hours = ساعات اداری (مهلت‌ها فقط در این ساعات شمرده می‌شوند)
ui-office-hours-weekdays = شنبه تا چهارشنبه
ui-office-hours-thursday = پنجشنبه (وقتی روز کاری است)
ui-office-hours-opens = از ساعت
ui-office-hours-closes = تا ساعت
ui-office-hours-save = ذخیرهٔ ساعات اداری
ui-office-hours-saved = ساعات اداری ذخیره شد.
ui-office-hours-note = تغییر ساعات اداری، تعطیلی‌ها یا پنجشنبه فقط مهلت درخواست‌هایی را تعیین می‌کند که از این پس به وضعیتی تازه می‌رسند؛ درخواست‌های باز مهلت کنونی خود را تا تغییر وضعیت بعدی نگه می‌دارند.
ui-holiday-date = تاریخ تعطیلی
ui-holiday-title = مناسبت
ui-holiday-add = افزودن تعطیلی
ui-holiday-remove = حذف
ui-overdue-title = درخواست‌های گذشته از مهلت ({ $count })

## Mail
ui-tab-mail = رایانامه
ui-mail-host = کارگزار رایانامه
ui-mail-port = درگاه
ui-mail-tls = رمزنگاری
ui-mail-tls-starttls = { "STARTTLS" } (درگاه ۵۸۷)
ui-mail-tls-tls = { "TLS" } از آغاز (درگاه ۴۶۵)
ui-mail-tls-none = بدون رمزنگاری (فقط شبکهٔ داخلی)
ui-mail-username = نام کاربری
ui-mail-password = گذرواژه
ui-mail-from = نشانی فرستنده
ui-field-applicant-email = رایانامهٔ متقاضی (اختیاری)
ui-field-applicant-email-hint = نتیجهٔ درخواست به این نشانی فرستاده می‌شود.
audit-complaint-step = شکایت: { $action }
audit-complaint-register = ثبت شکایت، پیشنهاد یا نظر
audit-complaint-view-personal = دیدن اطلاعات شخصی شکایت
audit-notice-add = انتشار اطلاعیه
audit-notice-cancel = لغو اطلاعیه
audit-outbox-lease = برداشتن پیام‌ها برای ارسال
audit-outbox-sent = ارسال پیام به متقاضی
audit-outbox-retry = ارسال ناموفق پیام؛ تلاش دوباره
audit-calendar-holiday-add = افزودن تعطیلی
audit-calendar-holiday-remove = حذف تعطیلی
audit-settings-complaint-target = تغییر هدف زمانی شکایت‌ها
audit-settings-mail = تغییر تنظیمات رایانامه
audit-settings-mail-password = تغییر گذرواژهٔ رایانامه
audit-settings-notice-lead = تغییر زمان پیش‌آگهی اطلاعیه‌ها
audit-settings-thursday-off = تغییر تعطیلی پنجشنبه
audit-settings-office-hours = تغییر ساعات اداری
audit-calendar-thursday-off = تغییر تعطیلی پنجشنبه
audit-report-export = خروجی گرفتن از گزارش
audit-field-format = قالب
audit-field-rows = ردیف‌ها
audit-field-messages = پیام‌ها
audit-field-event = رویداد
audit-field-attempt = تلاش

## Reports
ui-nav-reports = گزارش‌ها
ui-help-reports = گزارش‌ها
ui-reports-title = گزارش‌های کیفیت خدمت
ui-report-kind = گزارش
ui-report-run = نمایش
ui-report-empty = در این بازه داده‌ای نیست.
ui-report-period-all = از آغاز تا { $to }
ui-report-period = از { $from } تا { $to }
ui-report-format = قالب فایل
ui-report-xlsx = اکسل ({ ".xlsx" })
ui-report-csv = متن جداشده با ویرگول ({ ".csv" })
ui-report-path = مسیر فایل
ui-report-save = ذخیرهٔ فایل
ui-report-written = گزارش در { $path } ذخیره شد.
ui-connection-lost = ارتباط با پایگاه داده قطع است. تا بازگشت آن چیزی ذخیره نمی‌شود؛ برنامه خودش دوباره وصل می‌شود.

## The desk through a clerk's whole day (issue 12, items 4–7)
ui-signed-in-role = ، { $role }
ui-new-another = ثبت درخواست تازهٔ دیگر
ui-new-another-hint = درخواست تازه با کلید
ui-help-date-next = در بخش تاریخ: یک روز بعد (در بخش خالی: امروز)
ui-help-date-previous = در بخش تاریخ: یک روز قبل (در بخش خالی: امروز)
ui-help-date-month-next = در بخش تاریخ: سی روز بعد
ui-help-date-month-previous = در بخش تاریخ: سی روز قبل
ui-help-date-today = در بخش تاریخ: امروز
ui-help-choice = در گزینه‌های کنار هم (نحوهٔ ارسال، اولویت): گزینهٔ بعدی یا قبلی
ui-slip-choose-printer = چاپگری انتخاب نشده است؛ برای ارسال، یکی را از فهرست چاپگرها انتخاب کنید.
ui-slip-preview-pending = پیش‌نمایش رسید هنوز آماده نشده است؛ ارسال پس از آماده شدن آن ممکن است.
ui-slip-cannot-send-no-printers = روی این رایانه چاپگری نصب نیست؛ تا چاپگری نصب نشود ارسال ممکن نیست.
ui-admin-duplicates-title = دستگاه‌های هم‌نام
ui-admin-duplicates-run = بررسی دستگاه‌های تکراری
ui-admin-duplicates-none = دستگاه تکراری پیدا نشد.
ui-admin-duplicates-group = گروه { $number }: { $count } دستگاه با یک نام یا شناسهٔ ملی
ui-admin-duplicates-hint = این دستگاه‌ها پیش از بررسی تکراری‌ها ثبت شده‌اند؛ یکی را نگه دارید و نام دیگری را اصلاح کنید.

## The registration receipt after registering at the desk (ReceiptDialog)
ui-receipt-title = رسید ثبت درخواست
ui-receipt-pin-once = رمز پیگیری تنها همین یک بار نشان داده می‌شود و پس از بستن این پنجره دیگر نمی‌توان آن را دید یا دوباره چاپ کرد: پیش از بستن، رسید را چاپ کنید یا نگه دارید و به متقاضی بدهید.
ui-receipt-no-portal = (نشانی درگاه را مسئول سامانه هنوز تعیین نکرده است)
ui-receipt-print = چاپ رسید
ui-receipt-path = ذخیرهٔ PDF در
ui-receipt-save = ذخیرهٔ PDF
ui-receipt-sent = رسید ثبت به چاپگر { $printer } فرستاده شد.
ui-copy = رونوشت
ui-copied = رونوشت برداشته شد

## API tokens for agencies' systems (admin/ApiTokens)
ui-tab-api-tokens = توکن‌های دسترسی
ui-token-org = دستگاه
ui-token-label = برچسب (سامانهٔ دستگاه)
ui-token-add = صدور توکن
ui-token-created = صدور
ui-token-last-used = آخرین به‌کارگیری
ui-token-state = وضعیت
ui-token-never-used = به کار نرفته
ui-token-active = فعال
ui-token-revoked-on = باطل‌شده در { $at }
ui-token-revoke = ابطال
ui-token-none = هنوز توکنی صادر نشده است.
ui-token-issued-title = توکن تازه
ui-token-shown-once = این توکن تنها همین یک بار نشان داده می‌شود و سامانه آن را نگه نمی‌دارد: آن را رونوشت کنید و از راهی امن به مسئول سامانهٔ دستگاه بدهید. هر کس آن را داشته باشد به نام این دستگاه درخواست ثبت می‌کند.
ui-token-revoke-title = ابطال توکن
ui-token-revoke-confirm = توکن «{ $label }» دستگاه «{ $org }» باطل شود؟ سامانهٔ آن دستگاه از این پس با آن پذیرفته نمی‌شود و این کار بازگشت ندارد.
ui-token-limit-title = سقف درخواست‌ها برای هر توکن
ui-token-limit-calls = بیشترین شمار درخواست‌ها
ui-token-limit-seconds = در چند ثانیه

## The directorate's signing keys (admin/SigningKeys)
ui-tab-signing-keys = کلیدهای امضا
ui-key-cli-only = کلید امضای اداره کل رسیدها و نسخه‌های گواهی‌شده را امضا می‌کند. برون‌بری و درون‌بری کلید (پرونده‌ای بسته با گذرواژه، برای میز دیگری که امضا می‌کند) تنها از خط فرمان انجام می‌شود.
ui-key-init = ساخت کلید امضا
ui-key-rotate = چرخش کلید
ui-key-made = کلید تازه ساخته شد:
ui-key-id = شناسهٔ کلید
ui-key-valid-from = معتبر از
ui-key-valid-until = معتبر تا
ui-key-revoked-from = باطل از
ui-key-state = وضعیت
ui-key-on-this-desk = در این میز
ui-key-state-current = در کار
ui-key-state-rotated = جایگزین‌شده
ui-key-state-revoked = باطل‌شده
ui-key-revoke = ابطال کلید
ui-key-none = هنوز کلید امضایی ساخته نشده است؛ تا آن زمان رسیدها و نسخه‌ها بی‌امضا می‌مانند.
ui-key-init-confirm = کلید امضای تازه‌ای ساخته شود؟ نیمهٔ خصوصی آن در جاکلیدی این رایانه نگه داشته می‌شود.
ui-key-rotate-confirm = کلید تازه‌ای ساخته شود و اعتبار کلید کنونی از همین اکنون پایان یابد؟ رسیدهایی که پیش‌تر امضا شده‌اند همچنان معتبر می‌مانند.
ui-key-revoke-confirm = اگر کلید به دست دیگری افتاده است، آن را باطل کنید: هرچه از تاریخ زیر با آن امضا شده باشد دیگر معتبر شناخته نمی‌شود. کلید:
ui-key-revoke-from = باطل از تاریخ

## The certified copy on the request page (RequestCopy)
ui-ecopy-title = نسخهٔ الکترونیکی گواهی‌شده
ui-ecopy-issued = زمان صدور
ui-ecopy-size = اندازه
ui-ecopy-token = توکن امضاشده
ui-ecopy-copy-token = رونوشت توکن
ui-ecopy-path = ذخیرهٔ PDF در
ui-ecopy-save = ذخیرهٔ PDF

## A complaint's registration receipt (sanad-slip, the desk's receipt dialog)
receipt-complaint-title = رسید ثبت شکایت، پیشنهاد یا نظر
receipt-complaint-document-title = رسید ثبت { $code }
receipt-complaint-kind = گونه
receipt-complaint-next-text = دبیرخانه آن را بررسی می‌کند و پاسخ می‌دهد. با کد رهگیری و رمز پیگیری در درگاه ببینید به کجا رسیده است.
