# The portal's forms (crates/sanad-portal): the electronic form, the receipt, resubmitting,
# complaints; and the document register's owner.

## Errors
error-document-owner-kind = A document can only be held for an executive agency in the register.
