# Messages about faults and hostile input: unreadable files, lost connections, retries.
cli-file-not-utf8 = متن پرونده { $path } با کدگذاری یونی‌کد (یوتی‌اف هشت) نیست؛ آن را با همین کدگذاری ذخیره کنید.
# Field names, for the line that names the field at fault.
field-idempotency-key = شناسهٔ یکتای ارسال
field-input = متن واردشده
field-org = دستگاه
