## Status by tracking code: one plain sentence per state and what comes next, for a clerk on the phone.

label-since = از تاریخ
label-next-step = گام بعد
label-name-masked = نام

track-request-submitted = درخواست ثبت شده و در نوبت بررسی است.
track-request-under-review = کارشناس در حال بررسی درخواست است.
track-request-correction = درخواست برای اصلاح به دستگاه درخواست‌کننده برگردانده شده است.
track-request-awaiting-director = درخواست بررسی شده و در انتظار تأیید مدیر است.
track-request-awaiting-ministry = درخواست را مدیر تأیید کرده و در انتظار تأیید وزارت است.
track-request-approved = درخواست تأیید شده و آمادهٔ ارسال سند است.
track-request-rejected = درخواست رد شده است.
track-request-dispatched = سند ارسال شده است.
track-request-delivered = سند به مقصد تحویل داده شده است.
track-request-returned-to-repository = اصل سند به مخزن بازگشته است.
track-request-closed = کار این درخواست به پایان رسیده است.
track-request-cancelled = درخواست به خواست متقاضی لغو شده است.

track-request-next-submitted = کارشناس بررسی آن را آغاز می‌کند.
track-request-next-under-review = پس از بررسی برای تأیید نزد مدیر می‌رود یا برای اصلاح برمی‌گردد.
track-request-next-correction = دستگاه درخواست‌کننده باید کاستی‌ها را برطرف کند و درخواست را دوباره بفرستد.
track-request-next-awaiting-director = مدیر آن را تأیید یا رد می‌کند.
track-request-next-awaiting-ministry = نمایندهٔ وزارت آن را تأیید یا رد می‌کند.
track-request-next-approved = دبیرخانه سند را ارسال می‌کند.
track-request-next-rejected = گام دیگری در پیش نیست؛ دلیل رد به متقاضی اعلام شده است.
track-request-next-dispatched = پس از رسیدن سند، تحویل آن ثبت می‌شود.
track-request-next-delivered = اگر اصل سند ارسال شده باشد باید تا مهلت بازگشت به مخزن برگردد؛ وگرنه درخواست مختومه می‌شود.
track-request-next-returned-to-repository = دبیرخانه درخواست را مختومه می‌کند.
track-request-next-closed = گام دیگری در پیش نیست.
track-request-next-cancelled = گام دیگری در پیش نیست.

track-complaint-registered = شکایت، پیشنهاد یا نظر ثبت شده و در انتظار ارجاع است.
track-complaint-assigned = به کارمند مسئول ارجاع شده و در حال رسیدگی است.
track-complaint-answered = پاسخ داده شده است.
track-complaint-closed = رسیدگی به پایان رسیده است.

track-complaint-next-registered = دبیرخانه آن را به کارمند مسئول ارجاع می‌دهد.
track-complaint-next-assigned = کارمند مسئول پاسخ می‌دهد.
track-complaint-next-answered = پس از اعلام پاسخ، پرونده بسته می‌شود.
track-complaint-next-closed = گام دیگری در پیش نیست.
