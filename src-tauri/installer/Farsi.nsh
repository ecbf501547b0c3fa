; The Persian strings of Tauri's NSIS template (installer.nsi and utils.nsh of the tauri-bundler in
; @tauri-apps/cli 2.12.5, whose ids were read from that CLI's own Farsi and English files), used
; instead of Tauri's bundled Persian.nsh through tauri.conf.json > bundle > windows > nsis >
; customLanguageFiles. Every string was read and written for a Persian-speaking clerk; why each
; differs from Tauri's is in src-tauri/installer/README.md. NSIS's own Farsi strings (buttons,
; page titles) come from NSIS itself: the "Next" button there reads «بعد», so the strings below
; name it so.
;
; Placeholders: ${PRODUCTNAME} and ${VERSION} are filled in when the installer is built;
; {{product_name}} is replaced by the installer when it runs (utils.nsh); $R4, $0 and $1 are
; run-time values (older/unknown, a download error, an exit code); $\n is a line break.
LangString addOrReinstall ${LANG_FARSI} "افزودن یا نصب دوبارهٔ اجزا"
LangString alreadyInstalled ${LANG_FARSI} "از پیش نصب شده است"
LangString alreadyInstalledLong ${LANG_FARSI} "${PRODUCTNAME} ${VERSION} از پیش روی این رایانه نصب شده است. کاری را که می‌خواهید انجام شود برگزینید و برای ادامه روی «بعد» بزنید."
LangString appRunning ${LANG_FARSI} "{{product_name}} در حال اجراست. نخست آن را ببندید و سپس دوباره تلاش کنید."
LangString noPermissionToCloseApp ${LANG_FARSI} "این حساب کاربری اجازهٔ بستن {{product_name}} را ندارد. آن را خودتان ببندید و سپس دوباره تلاش کنید."
LangString appRunningOkKill ${LANG_FARSI} "{{product_name}} در حال اجراست.$\nبرنامه بسته شود؟"
LangString chooseMaintenanceOption ${LANG_FARSI} "کاری را که باید انجام شود برگزینید."
LangString chooseHowToInstall ${LANG_FARSI} "شیوهٔ نصب ${PRODUCTNAME} را برگزینید."
LangString createDesktop ${LANG_FARSI} "ساختن میان‌بر روی میز کار"
LangString dontUninstall ${LANG_FARSI} "برنامه حذف نشود"
LangString dontUninstallDowngrade ${LANG_FARSI} "برنامه حذف نشود (این نصب‌کننده نصب نسخهٔ قدیمی‌تر را بدون حذف نسخهٔ کنونی نمی‌پذیرد)"
LangString failedToKillApp ${LANG_FARSI} "بستن {{product_name}} ممکن نشد. نخست آن را خودتان ببندید و سپس دوباره تلاش کنید."
LangString installingWebview2 ${LANG_FARSI} "در حال نصب WebView2…"
LangString newerVersionInstalled ${LANG_FARSI} "نسخهٔ تازه‌تری از ${PRODUCTNAME} از پیش نصب شده است. نصب نسخهٔ قدیمی‌تر توصیه نمی‌شود؛ اگر به راستی این نسخه را می‌خواهید، بهتر است نخست نسخهٔ کنونی را حذف کنید. کاری را که می‌خواهید انجام شود برگزینید و برای ادامه روی «بعد» بزنید."
LangString older ${LANG_FARSI} "قدیمی‌تر"
LangString olderOrUnknownVersionInstalled ${LANG_FARSI} "نسخهٔ $R4 از ${PRODUCTNAME} روی این رایانه نصب است. توصیه می‌شود پیش از نصب، نسخهٔ کنونی را حذف کنید. کاری را که می‌خواهید انجام شود برگزینید و برای ادامه روی «بعد» بزنید."
LangString silentDowngrades ${LANG_FARSI} "این نصب‌کننده نسخهٔ قدیمی‌تر را بی‌صدا نصب نمی‌کند؛ نصب‌کننده را بدون گزینهٔ بی‌صدا اجرا کنید.$\n"
LangString unableToUninstall ${LANG_FARSI} "حذف برنامه ممکن نشد."
LangString uninstallApp ${LANG_FARSI} "حذف ${PRODUCTNAME}"
LangString uninstallBeforeInstalling ${LANG_FARSI} "نخست نسخهٔ کنونی حذف شود"
LangString unknown ${LANG_FARSI} "ناشناخته"
LangString webview2AbortError ${LANG_FARSI} "نصب WebView2 انجام نشد و برنامه بدون آن کار نمی‌کند. نصب‌کننده را دوباره اجرا کنید."
LangString webview2DownloadError ${LANG_FARSI} "خطا: بارگیری WebView2 انجام نشد ($0)"
LangString webview2DownloadSuccess ${LANG_FARSI} "راه‌انداز نصب WebView2 بارگیری شد."
LangString webview2Downloading ${LANG_FARSI} "در حال بارگیری راه‌انداز نصب WebView2…"
LangString webview2InstallError ${LANG_FARSI} "خطا: نصب WebView2 با کد خروج $1 انجام نشد."
LangString webview2InstallSuccess ${LANG_FARSI} "WebView2 نصب شد."
LangString deleteAppData ${LANG_FARSI} "پاک کردن گزارش‌های رویداد و تنظیمات پنجره (پایگاه داده پاک نمی‌شود)"
