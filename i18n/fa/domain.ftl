## Names of the domain's states, roles and choices, as people read them.

product-name = میز سند
service-name = ارسال سند به دستگاه اجرایی یا دستگاه ثالث

role-clerk = کارمند دبیرخانه
role-reviewer = کارشناس
role-director = مدیر
role-ministry = نماینده وزارت
role-auditor = بازرس
role-admin = مسئول سامانه
role-agency = کاربر دستگاه

status-submitted = ثبت‌شده
status-under-review = در حال بررسی
status-correction = نیازمند اصلاح
status-awaiting-director = در انتظار تأیید مدیر
status-awaiting-ministry = در انتظار تأیید وزارت
status-approved = تأییدشده
status-rejected = ردشده
status-dispatched = ارسال‌شده
status-delivered = تحویل‌شده
status-returned-to-repository = بازگشته به مخزن
status-closed = مختومه
status-cancelled = لغوشده

action-register = ثبت درخواست
action-start-review = شروع بررسی
action-send-back = بازگرداندن برای اصلاح
action-resubmit = ارسال دوباره پس از اصلاح
action-forward = ارجاع به مدیر
action-approve = تأیید
action-reject = رد
action-dispatch = ارسال سند
action-confirm-delivery = ثبت تحویل
action-receive-back = دریافت اصل سند به مخزن
action-close = مختومه کردن
action-cancel = لغو درخواست

mode-electronic-copy = رونوشت الکترونیکی گواهی‌شده
mode-certified-paper-copy = رونوشت کاغذی گواهی‌شده
mode-original = اصل سند

priority-normal = عادی
priority-urgent = فوری

kind-agency = دستگاه اجرایی
kind-ministry = وزارتخانه
kind-third-party = دستگاه ثالث
