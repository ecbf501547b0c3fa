# The portal's forms (crates/sanad-portal): the electronic form, the receipt, resubmitting,
# complaints; and the document register's owner.

## Errors
error-document-owner-kind = سند را تنها می‌توان برای یک دستگاه اجرایی ثبت‌شده نگه داشت.
error-portal-address = نشانی درگاه باید با https:// یا http:// آغاز شود، بی فاصله و حداکثر ۲۰۰ نویسه.
field-address = نشانی درگاه

## The registration receipt (PDF and page)
receipt-title = رسید ثبت درخواست
receipt-document-title = رسید ثبت درخواست { $code }
receipt-registered-at = تاریخ و ساعت ثبت
receipt-pin = رمز پیگیری
receipt-portal = نشانی درگاه پیگیری
receipt-next = گام بعد
receipt-next-text = درخواست در صف بررسی دبیرخانه است. هر تغییر وضعیت را با کد رهگیری و رمز پیگیری در درگاه ببینید؛ اگر نشانی ایمیل داده باشید، نتیجه به آن نیز فرستاده می‌شود.
receipt-keep = کد رهگیری و رمز پیگیری را نزد خود نگه دارید؛ رمز پیگیری تنها یک بار نشان داده می‌شود.
portal-receipt-repeated = این فرم پیش‌تر فرستاده شده بود؛ همان درخواست یک بار ثبت شده است و رسید آن را می‌بینید.
portal-receipt-pin-gone = رمز پیگیری تنها هنگام ثبت نشان داده شد.
portal-receipt-pdf-a5 = رسید ثبت (PDF، کاغذ آ۵)
portal-receipt-pdf-roll = رسید ثبت (PDF، ۸۰ میلی‌متری)
portal-receipt-follow = دیدن صفحهٔ درخواست
portal-receipt-another = ثبت درخواست دیگر

## The electronic form
portal-nav-new = ثبت درخواست
portal-form-heading = فرم الکترونیکی ارسال سند
portal-form-intro = درخواست ارسال سند به دستگاه شما یا به دستگاه ثالث. همهٔ بندها جز ایمیل و مهلت بازگشت لازم است؛ نامهٔ دستگاه را پیوست کنید.
portal-form-documents = اسناد درخواستی (از اسنادی که برای دستگاه شما نگه‌داری می‌شود)
portal-form-no-documents = سندی برای این دستگاه در مخزن ثبت نشده است.
portal-form-destination = مقصد
portal-form-destination-self = خود دستگاه درخواست‌کننده
portal-form-mode = نحوهٔ ارسال
portal-form-return-due = مهلت بازگشت سند
portal-form-return-due-hint = تنها برای ارسال اصل سند، به تاریخ شمسی
portal-form-applicant = متقاضی
portal-form-applicant-name = نام و نام خانوادگی
portal-form-national-code = کد ملی
portal-form-mobile = تلفن همراه
portal-form-email = ایمیل (اختیاری)
portal-form-letter = نامهٔ دستگاه
portal-form-letter-number = شمارهٔ نامه
portal-form-letter-date = تاریخ نامه
portal-form-letter-file = تصویر نامه (PDF یا تصویر)
portal-form-letter-file-hint = حداکثر { $limit } مگابایت. اگر فرم با خطا برگشت، فایل را دوباره برگزینید.
portal-form-file-too-large = فایل بزرگ‌تر از سقف { $limit } مگابایت است و چیزی ثبت نشد.
portal-form-purpose = موضوع و دلیل درخواست
portal-form-priority = اولویت
portal-form-submit = ثبت درخواست

## Correcting a request sent back
portal-correct-heading = اصلاح و ارسال دوباره
portal-correct-intro = درخواست برای اصلاح برگردانده شده است. دلیل آن را در سابقهٔ درخواست ببینید، بندها را اصلاح کنید و دوباره بفرستید.
portal-correct-submit = ارسال دوباره
portal-resubmitted = درخواست اصلاح شد و دوباره به دبیرخانه فرستاده شد.

## Complaints, suggestions and comments
portal-nav-complaint = شکایت و پیشنهاد
portal-complaint-heading = ثبت شکایت، پیشنهاد یا نظر
portal-complaint-intro = دربارهٔ یکی از درخواست‌های دستگاه یا دربارهٔ خدمت به‌طور کلی بنویسید. پاسخ به تلفن همراه یا ایمیلی که می‌دهید می‌رسد.
portal-complaint-kind = نوع
portal-complaint-request = درخواست مربوط
portal-complaint-no-request = هیچ‌کدام (دربارهٔ خدمت)
portal-complaint-name = نام نویسنده
portal-complaint-text = متن
portal-complaint-answer = پاسخ
portal-complaint-submit = ثبت

## The desk
ui-field-doc-owner = دستگاه صاحب سند
ui-doc-owner-none = ثبت نشده
portal-complaint-history = سابقهٔ رسیدگی
ui-from-portal = از سامانه — { $account }
ui-tab-agency-users = کاربران دستگاه‌ها
ui-agency-user-add = افزودن کاربر دستگاه
ui-agency-user-reset = گذرواژهٔ یک‌بارمصرف
ui-agency-user-deactivate = غیرفعال کردن
ui-agency-user-activate = فعال کردن
ui-agency-one-time = گذرواژهٔ یک‌بارمصرف { $user } (تنها یک بار نشان داده می‌شود):
audit-settings-portal-address = تغییر نشانی درگاه
