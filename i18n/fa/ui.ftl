## The desktop app's own words (ui/). Errors of the core live in errors.ftl and validation.ftl.

ui-loading = در حال بارگذاری…
ui-app-subtitle = سامانهٔ ارسال سند به دستگاه اجرایی یا دستگاه ثالث
ui-error-not-signed-in = نشست شما پایان یافته است؛ دوباره وارد شوید.
ui-error-unexpected = خطای پیش‌بینی‌نشده‌ای رخ داد؛ دوباره تلاش کنید.
ui-error-start = برنامه نتوانست به پایگاه داده وصل شود.

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
ui-db-postgres-later = اتصال به کارگزار مشترک در نسخهٔ بعدی فراهم می‌شود؛ فعلاً پایگاه دادهٔ درونی به کار می‌رود.
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
