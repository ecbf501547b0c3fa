## Acting approvers (جانشینی) and decisions on several requests at once.

delegation-acting-for = به جانشینی از { $name }
delegation-acting-title = سرپرست
slip-approval-line-acting = { $name } (سرپرست، به جانشینی از { $for })، { $at }
history-acting-for = { $role }، به جانشینی از { $name }

error-delegation-role = فقط کار کارشناس، مدیر یا نمایندهٔ وزارت را می‌توان به جانشین سپرد.
error-delegation-admin-auditor = مسئول سامانه و بازرس نه جانشین می‌شوند و نه جانشین می‌گیرند.
error-delegation-self = کسی نمی‌تواند جانشین خودش باشد.
error-delegation-not-passed-on = جانشینی به دیگری سپرده نمی‌شود: این کاربر خود به جانشینی در این نقش کار می‌کند.
error-delegation-role-not-held = کاربر غایب این نقش را ندارد.
error-delegation-delegate-inactive = حساب جانشین غیرفعال است.
error-delegation-ends-before-start = پایان دورهٔ جانشینی باید پس از آغاز آن باشد.
error-delegation-overlap = این دوره با جانشینی دیگری برای همین کاربر و همین نقش هم‌پوشانی دارد ({ $name }، از { $from } تا { $until }).
error-delegation-already-ended = این جانشینی پیش‌تر پایان یافته است.
error-delegation-user-unknown = کاربری با این نام کاربری نیست.
error-not-found-delegation = جانشینی‌ای با این شناسه پیدا نشد.
error-sod-approve-own-forward = کسی که درخواستی را بررسی و ارسال کرده است نمی‌تواند همان را به جای مدیر تأیید کند.
error-sod-two-roles = شما پیش‌تر در نقش «{ $role }» دربارهٔ این درخواست تصمیم گرفته‌اید؛ یک نفر در دو نقش دربارهٔ یک درخواست تصمیم نمی‌گیرد.
error-bulk-action = برای چند درخواست با هم فقط ارسال، تأیید، بازگرداندن یا رد ممکن است.
error-bulk-empty = هیچ درخواستی انتخاب نشده است.
error-bulk-too-many = بیش از { $max } درخواست را نمی‌توان با هم تصمیم گرفت.

field-from-user = کاربر غایب
field-to-user = جانشین
field-from-date = از تاریخ
field-until = تا تاریخ
field-order = شمارهٔ حکم
field-codes = کدهای رهگیری
field-id = شناسه

bulk-refusal-conflict = هم‌زمان در میز دیگری تغییر کرد
bulk-refusal-state-changed = وضعیتش تغییر کرده است
bulk-refusal-separation-of-duties = تفکیک وظایف
bulk-refusal-not-permitted = مجاز نیست
bulk-refusal-not-found = پیدا نشد
bulk-refusal-invalid = نادرست
bulk-refusal-failed = خطا

cli-delegations-empty = جانشینی‌ای ثبت نشده است.
cli-delegation-line = { $id } | { $from } ← { $to } | { $role } | از { $starts } تا { $ends } | حکم { $order }{ $state }
cli-delegation-active = [در جریان]
cli-delegation-ended = [پایان‌یافته در { $at }]
cli-delegation-ended-now = جانشینی پایان یافت.

## Official holidays computed for coming years (the lunar ones estimated: «برآورد»).

holiday-estimated = برآورد
error-holiday-year-computed = تعطیلات سال‌های { $first } تا { $last } محاسبه می‌شود؛ سال‌های پیش از آن همان‌اند که منتشر شده است.
field-year = سال
holiday-nowruz-start = آغاز نوروز
holiday-nowruz = عید نوروز
holiday-islamic-republic-day = روز جمهوری اسلامی ایران
holiday-nature-day = روز طبیعت
holiday-khomeini = رحلت امام خمینی
holiday-khordad-15 = قیام پانزده خرداد
holiday-revolution = پیروزی انقلاب اسلامی
holiday-oil-nationalization = روز ملی شدن صنعت نفت
holiday-tasua = تاسوعای حسینی
holiday-ashura = عاشورای حسینی
holiday-arbaeen = اربعین حسینی
holiday-prophet-demise = رحلت حضرت رسول اکرم (ص)؛ شهادت امام حسن مجتبی (ع)
holiday-imam-reza = شهادت امام رضا (ع)
holiday-imam-askari = شهادت امام حسن عسکری (ع)
holiday-prophet-birth = میلاد حضرت رسول اکرم (ص) و امام جعفر صادق (ع)
holiday-fatima = شهادت حضرت فاطمه زهرا (س)
holiday-imam-ali-birth = ولادت امام علی (ع)
holiday-mabath = مبعث حضرت رسول اکرم (ص)
holiday-mahdi-birth = ولادت حضرت قائم (عج)
holiday-imam-ali-martyrdom = شهادت حضرت علی (ع)
holiday-eid-fitr = عید سعید فطر
holiday-eid-fitr-holiday = تعطیل به مناسبت عید سعید فطر
holiday-imam-sadiq = شهادت امام جعفر صادق (ع)
holiday-eid-qurban = عید سعید قربان
holiday-ghadir = عید سعید غدیر خم

## The desk: the administrator's delegation screen and the queue's bulk decision.

ui-tab-delegations = جانشینی‌ها
ui-delegation-until-hint = نخستین روزی که جانشینی دیگر برقرار نیست (روز بازگشت)
ui-delegation-add = ثبت جانشینی
ui-delegation-line = { $to } به جانشینی از { $from } ({ $role })
ui-delegation-active = در جریان
ui-delegation-ended = پایان‌یافته در { $at }
ui-delegation-end = پایان دادن
ui-history-by-acting = { $user }، سرپرست ({ $role })، به جانشینی از { $name }
ui-bulk-action = اقدام برای درخواست‌های انتخاب‌شده
ui-bulk-apply = اعمال بر { $count } درخواست
ui-bulk-confirm = «{ $action }» برای این { $count } درخواست؟
ui-bulk-confirm-ok = تأیید و اعمال
ui-bulk-result = { $applied } درخواست انجام شد، { $refused } درخواست نه
ui-bulk-applied = انجام شد؛ وضعیت اکنون «{ $status }»
