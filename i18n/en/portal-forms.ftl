# The portal's forms (crates/sanad-portal): the electronic form, the receipt, resubmitting,
# complaints; and the document register's owner.

## Errors
error-document-owner-kind = A document can only be held for an executive agency in the register.
error-portal-address = The portal's address must start with https:// or http://, without spaces, at most 200 characters.
field-address = Portal address

## The registration receipt (PDF and page)
receipt-title = Registration receipt
receipt-document-title = Registration receipt { $code }
receipt-registered-at = Registered at
receipt-pin = Follow-up PIN
receipt-portal = Follow it at
receipt-next = What happens next
receipt-next-text = The request waits in the registry's review queue. Follow every change of state on the portal with the tracking code and the PIN; if an e-mail address was given, the result is sent there too.
receipt-keep = Keep the tracking code and the PIN; the PIN is shown only once.
