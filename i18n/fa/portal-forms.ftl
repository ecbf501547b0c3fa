# The portal's forms (crates/sanad-portal): the electronic form, the receipt, resubmitting,
# complaints; and the document register's owner.

## Errors
error-document-owner-kind = سند را تنها می‌توان برای یک دستگاه اجرایی ثبت‌شده نگه داشت.
