## The certified copy delivered through the portal, and the portal's verification page (issue 15).

portal-received-heading = درخواست‌های دریافتی
portal-received-intro = درخواست‌هایی که دستگاه‌های دیگر سند آن‌ها را برای شما فرستاده‌اند، از زمان ارسال.
portal-received-note = این درخواست را دستگاه دیگری ثبت کرده و سند آن برای شما فرستاده شده است.
portal-ecopy-heading = رونوشت الکترونیکی گواهی‌شده
portal-ecopy-text = رونوشت الکترونیکی گواهی‌شدهٔ سند این درخواست برای شما صادر شده است. نخستین دریافت آن، تحویل سند را ثبت می‌کند.
portal-ecopy-download = دریافت رونوشت (PDF)
