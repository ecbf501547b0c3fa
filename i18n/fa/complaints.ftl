## Complaints, suggestions and comments (شکایت، پیشنهاد، نظر).

kind-complaint = شکایت
kind-suggestion = پیشنهاد
kind-comment = نظر

status-registered = ثبت‌شده
status-assigned = ارجاع‌شده
status-answered = پاسخ‌داده‌شده

action-assign = ارجاع
action-answer = پاسخ

error-complaint-kind-unknown = نوع انتخاب‌شده باید شکایت، پیشنهاد یا نظر باشد.
error-complaint-not-assignee = فقط کسی که این مورد به او ارجاع شده (یا مدیر) می‌تواند پاسخ بدهد.
error-complaint-assignee-role = این مورد را فقط می‌توان به کاربر فعال دبیرخانه، کارشناس، مدیر یا نماینده وزارت ارجاع داد.
error-contact-required = دست‌کم یکی از شمارهٔ تلفن همراه یا نشانی رایانامه را وارد کنید تا پاسخ به شخص برسد.
error-email-format = نشانی رایانامه درست نیست؛ به شکل نام@دامنه وارد کنید.
error-conflict-complaint-changed = این مورد هم‌زمان در میز دیگری تغییر کرد؛ تغییر شما اعمال نشد. وضعیت تازه را ببینید و دوباره تصمیم بگیرید.
error-not-found-complaint = شکایت، پیشنهاد یا نظری با این کد رهگیری پیدا نشد.
error-not-found-tracking-code = درخواست یا شکایتی با این کد رهگیری پیدا نشد.

field-mobile = تلفن همراه
field-email = رایانامه
field-text = متن
field-request-code = کد رهگیری درخواست مرتبط
field-assignee = ارجاع به
field-answer = پاسخ

label-complaint-kind = نوع
label-person = نام
label-contact = راه تماس
label-complaint-text = متن
label-linked-request = درخواست مرتبط
label-assignee = ارجاع به
label-answer = پاسخ
cli-complaints-empty = موردی با این مشخصات پیدا نشد.
cli-complaint-file-or-fields = متن را با --text یا پرونده را با --file بدهید.
