# The web portal (crates/sanad-portal) and its use cases in the service.

## Errors of the portal's use cases
error-track-no-match = درخواست یا شکایتی با این کد رهگیری و رمز پیگیری پیدا نشد. کد و رمز را از روی رسید دوباره وارد کنید.
error-track-locked = به سبب چند تلاش ناموفق، پیگیری این کد یا از این نشانی تا { $until } بسته است. پس از آن دوباره تلاش کنید.
error-portal-org-not-agency = کاربر دستگاه باید به یکی از دستگاه‌های اجرایی یا اشخاص ثالث ثبت‌شده وابسته باشد.
error-role-needs-organization = کاربر دستگاه را باید از بخش کاربران دستگاه‌ها افزود، با دستگاهی که از سوی آن کار می‌کند.
error-tracking-pin-format = رمز پیگیری هشت رقم است.

field-body = بدنهٔ درخواست
field-organization-id = دستگاه

## Every page
portal-title = میز سند — درگاه دستگاه‌ها
portal-site-name = درگاه میز سند
portal-skip = رفتن به محتوا
portal-nav-track = پیگیری
portal-nav-login = ورود دستگاه‌ها
portal-nav-requests = درخواست‌های دستگاه
portal-nav-logout = خروج
# The language's own name, shown (from the other language's page) as the link to it.
portal-lang-name = فارسی
portal-signed-in-as = { $name }، { $org }
portal-footer = اداره کل امور اقتصادی و دارایی — خدمت ارسال سند به دستگاه اجرایی یا دستگاه ثالث
portal-notices = اطلاعیه‌ها

## The public lookup
portal-track-heading = پیگیری درخواست یا شکایت
portal-track-intro = کد رهگیری و رمز پیگیری را از روی رسید ثبت وارد کنید تا ببینید کار در چه مرحله‌ای است.
portal-track-code = کد رهگیری
portal-track-code-hint = دوازده رقم، با خط تیره یا بی آن
portal-track-pin = رمز پیگیری
portal-track-pin-hint = هشت رقم
portal-track-submit = پیگیری
portal-track-result = نتیجهٔ پیگیری
portal-track-kind-request = درخواست ارسال سند
portal-track-kind-complaint = شکایت، پیشنهاد یا نظر
portal-track-state = وضعیت
portal-track-since = از
portal-track-next = گام بعد

## Signing in
portal-login-heading = ورود کاربران دستگاه‌ها
portal-login-username = نام کاربری
portal-login-password = گذرواژه
portal-login-submit = ورود
portal-login-failed = نام کاربری یا گذرواژه درست نیست.
portal-logged-out = از درگاه خارج شدید.
portal-session-ended = نشست شما به پایان رسیده است؛ دوباره وارد شوید.

## Changing the password
portal-password-heading = گذرواژهٔ تازه
portal-password-intro = با گذرواژهٔ یک‌بارمصرف وارد شده‌اید. پیش از هر کار، گذرواژهٔ تازه‌ای برگزینید.
portal-password-current = گذرواژهٔ کنونی
portal-password-new = گذرواژهٔ تازه
portal-password-repeat = تکرار گذرواژهٔ تازه
portal-password-submit = ثبت گذرواژه
portal-password-mismatch = دو گذرواژهٔ تازه یکی نیستند.
portal-password-changed = گذرواژه تغییر کرد.

## The agency's requests
portal-requests-heading = درخواست‌های { $org }
portal-requests-empty = هنوز درخواستی از این دستگاه ثبت نشده است.
portal-requests-code = کد رهگیری
portal-requests-state = وضعیت
portal-requests-registered = تاریخ ثبت
portal-requests-deadline = مهلت مرحله
portal-requests-no-deadline = —

## One request of the agency
portal-request-heading = درخواست
portal-request-history = سابقهٔ درخواست
portal-request-reason = دلیل

## Faults
portal-error-heading = خطا
portal-not-found = صفحه یا موردی که خواستید پیدا نشد.
portal-csrf-refused = این فرم کهنه یا نامعتبر است و چیزی ثبت نشد. صفحه را دوباره باز کنید و دوباره بفرستید.
portal-unavailable = سامانه هم‌اکنون به پایگاه داده دسترسی ندارد. چند دقیقهٔ دیگر دوباره تلاش کنید؛ این صفحه پس از برقراری دوباره کار می‌کند.
portal-failed = کار انجام نشد. دوباره تلاش کنید.
portal-too-many = درخواست‌های شما بیش از اندازه است. کمی بعد دوباره تلاش کنید.
error-portal-body = بدنهٔ درخواست باید JSON با فیلدهای خواسته‌شده باشد.

## The command line
cli-portal-user-added = کاربر دستگاه { $user } برای { $org } افزوده شد.
cli-portal-user-active = فعال
cli-portal-user-inactive = غیرفعال
audit-user-login-wrong-front-end = ورود از درگاه نادرست (کارمند در سامانه یا کاربر دستگاه در میز)
