# Validation messages for form fields (sanad-core: validate, tracking_code, jalali).
# Arguments such as { $max } arrive already formatted for display.

error-tracking-code-format = کد رهگیری باید ۱۲ رقم باشد.
error-tracking-code-checksum = کد رهگیری وارد‌شده معتبر نیست؛ لطفاً ارقام آن را دوباره بررسی کنید.
error-national-code-format = کد ملی باید ۱۰ رقم باشد.
error-national-code-invalid = کد ملی وارد‌شده معتبر نیست.
error-national-id-format = شناسه ملی باید ۱۱ رقم باشد.
error-national-id-invalid = شناسه ملی وارد‌شده معتبر نیست.
error-mobile-format = شماره تلفن همراه باید ۱۱ رقم باشد و با ۰۹ شروع شود.
error-required = تکمیل این بخش الزامی است.
error-too-long = متن این بخش نباید بیش از { $max } نویسه باشد.
error-jalali-date-format = تاریخ را به شکل ۱۴۰۴/۰۱/۱۵ وارد کنید.
error-jalali-date-invalid = چنین روزی در تقویم وجود ندارد.
