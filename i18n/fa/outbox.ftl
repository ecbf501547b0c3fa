## E-mails to applicants and complainants (Persian: the templates applicants receive), and the
## mail settings' errors.

mail-request-approved-subject = درخواست شما با کد رهگیری { $code } تأیید شد
mail-request-approved-body =
    { $name } گرامی،
    درخواست ارسال سند با کد رهگیری { $code } تأیید شد و سند به‌زودی ارسال می‌شود.
    برای پیگیری، کد رهگیری را نزد خود نگه دارید.
    اداره کل امور اقتصادی و دارایی
mail-request-rejected-subject = درخواست شما با کد رهگیری { $code } رد شد
mail-request-rejected-body =
    { $name } گرامی،
    درخواست ارسال سند با کد رهگیری { $code } رد شد.
    دلیل: { $note }
    اداره کل امور اقتصادی و دارایی
mail-request-correction-subject = درخواست شما با کد رهگیری { $code } نیاز به اصلاح دارد
mail-request-correction-body =
    { $name } گرامی،
    درخواست ارسال سند با کد رهگیری { $code } برای اصلاح بازگردانده شد.
    آنچه باید اصلاح شود: { $note }
    پس از اصلاح، درخواست را دوباره بفرستید.
    اداره کل امور اقتصادی و دارایی
mail-request-dispatched-subject = سند درخواست { $code } ارسال شد
mail-request-dispatched-body =
    { $name } گرامی،
    سند درخواست با کد رهگیری { $code } ارسال شد.
    اداره کل امور اقتصادی و دارایی
mail-complaint-answered-subject = پاسخ به پیام شما با کد رهگیری { $code }
mail-complaint-answered-body =
    { $name } گرامی،
    به پیام شما با کد رهگیری { $code } پاسخ داده شد:
    { $answer }
    اداره کل امور اقتصادی و دارایی

error-mail-host = نشانی کارساز رایانامه درست نیست.
error-mail-port = درگاه کارساز رایانامه باید عددی بین ۱ تا ۶۵۵۳۵ باشد.
error-mail-not-configured = نخست کارساز رایانامه را تنظیم کنید.
field-host = کارساز رایانامه
field-port = درگاه
field-applicant-email = رایانامهٔ متقاضی

cli-mail-set = کارساز رایانامه تنظیم شد.
cli-mail-not-set = کارساز رایانامه هنوز تنظیم نشده است؛ پیام‌ها در صف می‌مانند.
cli-smtp-password-needed = گذرواژهٔ حساب رایانامه را در متغیر SANAD_SMTP_PASSWORD بگذارید.
cli-smtp-password-saved = گذرواژهٔ حساب رایانامه در انبار رمزهای سیستم‌عامل نگه داشته شد.
cli-mail-delivered = { $sent } پیام فرستاده شد، { $failed } پیام نرسید و دوباره فرستاده می‌شود، { $waiting } پیام در صف است.
cli-mail-state-sent = فرستاده‌شده
cli-mail-state-pending = در صف
mail-ecopy-waiting-subject = رونوشت الکترونیکی گواهی‌شدهٔ درخواست { $code } آماده است
mail-ecopy-waiting-body =
    با سلام،
    رونوشت الکترونیکی گواهی‌شدهٔ سندِ درخواست با کد رهگیری { $code } برای شما صادر شد و در سامانهٔ اداره کل ({ $portal }) منتظر دریافت است.
    برای دریافت، با حساب کاربری دستگاه خود وارد سامانه شوید و در فهرست «درخواست‌های دریافتی» این درخواست را باز کنید. نخستین دریافت، تحویل سند را ثبت می‌کند.
    اصالت رونوشت را می‌توانید در صفحهٔ «راستی‌آزمایی» سامانه یا با فهرست کلیدهای منتشرشدهٔ اداره کل بسنجید.
    اداره کل امور اقتصادی و دارایی
mail-ecopy-waiting-attached-subject = رونوشت الکترونیکی گواهی‌شدهٔ درخواست { $code }
mail-ecopy-waiting-attached-body =
    با سلام،
    رونوشت الکترونیکی گواهی‌شدهٔ سندِ درخواست با کد رهگیری { $code } پیوست این نامه است و در سامانهٔ اداره کل ({ $portal }) نیز منتظر دریافت است.
    تحویل سند با نخستین دریافت آن از سامانه ثبت می‌شود.
    اصالت رونوشت را می‌توانید در صفحهٔ «راستی‌آزمایی» سامانه یا با فهرست کلیدهای منتشرشدهٔ اداره کل بسنجید.
    اداره کل امور اقتصادی و دارایی
mail-ecopy-portal-unnamed = سامانهٔ میز سند
