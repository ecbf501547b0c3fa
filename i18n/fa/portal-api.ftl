# The portal's JSON API (/api/v1), its tokens and the portal's PostgreSQL role.

## Errors of the API and its use cases
error-api-token = توکن دسترسی نیامده، نامعتبر یا باطل‌شده است. توکن را با سرآیند { "Authorization: Bearer" } بفرستید یا از مسئول سامانه توکن تازه بگیرید.
error-api-rate-limited = درخواست‌های این توکن از سقف مجاز گذشته است. { $seconds } ثانیهٔ دیگر دوباره تلاش کنید.
error-api-page = شمارهٔ صفحه باید عددی از ۱ به بالا باشد.
error-api-per-page = اندازهٔ صفحه باید عددی از ۱ تا { $max } باشد.
error-api-document-unknown = سندی با این شمارهٔ ثبت در مخزن نیست: { $number }
error-portal-token-revoked = این توکن پیش‌تر باطل شده است.
error-not-found-portal-token = توکنی با این شناسه پیدا نشد.
error-api-route = چنین نشانی‌ای در واسط برنامه‌نویسی نیست.
error-api-method = این نشانی این روش درخواست را نمی‌پذیرد.
field-page = شمارهٔ صفحه
field-per-page = اندازهٔ صفحه

## Audit entries
audit-portal-token-issue = صدور توکن واسط برنامه‌نویسی
audit-portal-token-revoke = ابطال توکن واسط برنامه‌نویسی
audit-api-call = فراخوانی واسط برنامه‌نویسی
audit-api-refused = فراخوانی رد‌شدهٔ واسط برنامه‌نویسی (توکن نامعتبر)
audit-settings-api-rate-limit = تغییر سقف فراخوانی واسط برنامه‌نویسی
audit-api-limited = فراخوانی بیش از سقف واسط برنامه‌نویسی

## The command line
cli-portal-token-limit-set = سقف فراخوانی هر توکن: { $calls } بار در { $seconds } ثانیه.
field-calls = شمار فراخوانی‌ها
field-seconds = ثانیه
cli-portal-token-revoked = توکن { $id } باطل شد.
cli-portal-token-active = فعال
cli-portal-token-revoked-state = باطل‌شده
cli-portal-token-never-used = هرگز به کار نرفته
cli-portal-role-postgres-only = «{ "sanad portal create-role" }» تنها برای پایگاه دادهٔ { "PostgreSQL" } است؛ پایگاه دادهٔ تعبیه‌شده ({ "SQLite" }) نقش پایگاه داده ندارد و درگاه با همان پروندهٔ رمزشده کار می‌کند.
cli-portal-role-created = نقش { $role } برای سامانهٔ درگاه ساخته شد، تنها با دسترسی‌هایی که درگاه لازم دارد.
error-portal-role-name = نام نقش باید با حرف کوچک لاتین آغاز شود و تنها حرف کوچک لاتین، رقم و زیرخط داشته باشد (حداکثر ۶۳ نویسه).
error-api-idempotency-reused = این کلید { "Idempotency-Key" } پیش‌تر برای درخواست دیگری (با نامه یا متقاضی دیگر) به کار رفته است؛ برای درخواست تازه کلید تازه بفرستید.
error-portal-role-postgres-only = نقش پایگاه داده تنها در { "PostgreSQL" } هست؛ پایگاه دادهٔ تعبیه‌شده ({ "SQLite" }) نقش ندارد.
error-portal-role-exists = نقشی با این نام در کارساز پایگاه داده هست. نام دیگری برگزینید.
error-portal-role-owner = ساختن نقش درگاه و دادن دسترسی‌ها تنها با ورود به پایگاه داده به نام مالک آن شدنی است.
audit-portal-create-role = ساخت نقش پایگاه دادهٔ درگاه
