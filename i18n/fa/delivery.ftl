## The certified copy delivered through the portal, and the portal's verification page (issue 15).

portal-received-heading = درخواست‌های دریافتی
portal-received-intro = درخواست‌هایی که دستگاه‌های دیگر سند آن‌ها را برای شما فرستاده‌اند، از زمان ارسال.
portal-received-note = این درخواست را دستگاه دیگری ثبت کرده و سند آن برای شما فرستاده شده است.
portal-ecopy-heading = رونوشت الکترونیکی گواهی‌شده
portal-ecopy-text = رونوشت الکترونیکی گواهی‌شدهٔ سند این درخواست برای شما صادر شده است. نخستین دریافت آن، تحویل سند را ثبت می‌کند.
portal-ecopy-download = دریافت رونوشت (PDF)

portal-nav-verify = راستی‌آزمایی
portal-verify-heading = راستی‌آزمایی رسید و رونوشت
portal-verify-intro = اصالت رسید ارسال سند یا رونوشت الکترونیکی گواهی‌شده را با کلیدهای منتشرشدهٔ اداره کل بسنجید. به ورود نیازی نیست و هیچ دادهٔ شخصی نشان داده نمی‌شود.
portal-verify-token-heading = متن رمزینهٔ رسید
portal-verify-token = متنی که پویشگر از رمزینهٔ QR رسید می‌خواند
portal-verify-token-hint = همان متنی که پویشگر از رمزینه می‌خواند، بی‌هیچ تغییر.
portal-verify-copy-heading = پروندهٔ رونوشت گواهی‌شده
portal-verify-copy = پروندهٔ PDF رونوشت
portal-verify-copy-hint = همان پرونده‌ای که از سامانه دریافت کرده‌اید، بی‌هیچ تغییر.
portal-verify-code-heading = کد رهگیری و رمز پیگیری
portal-verify-submit = بسنج
portal-verify-too-large = پرونده بزرگ‌تر از { $mb } مگابایت است و سنجیده نشد.
portal-verify-no-file = پرونده‌ای برگزیده نشده است.
portal-verify-cancelled = این درخواست پس از صدور این نشانه لغو شده است.
portal-verify-superseded = پس از این رونوشت، رونوشت تازه‌تری از همین درخواست صادر شده است؛ رونوشت تازه را بخواهید.
portal-verify-in-force = درخواست لغو نشده و رونوشت تازه‌تری جای آن را نگرفته است.
portal-verify-kind = نوع
portal-verify-code = کد رهگیری
portal-verify-destination = دستگاه مقصد
portal-verify-destination-requester = خود دستگاه درخواست‌کننده
portal-verify-mode = شیوهٔ ارسال
portal-verify-dispatched = زمان ارسال
portal-verify-not-dispatched = هنوز ارسال نشده بود
portal-verify-signed = زمان امضا
portal-verify-copy-number = نسخهٔ رسید
portal-verify-key = کلید امضا
portal-verify-authentic = اصیل است: امضای «{ $issuer }».
portal-verify-issuer-unnamed = اداره کل امور اقتصادی و دارایی
error-verify-locked = به سبب سنجش‌های پیاپی از این نشانی، راستی‌آزمایی تا { $until } بسته است. پس از آن دوباره تلاش کنید.
