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
