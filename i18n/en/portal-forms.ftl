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
portal-receipt-repeated = This form had been sent already; the request was registered once and this is its receipt.
portal-receipt-pin-gone = The PIN was shown only at registration.
portal-receipt-pdf-a5 = Registration receipt (PDF, A5)
portal-receipt-pdf-roll = Registration receipt (PDF, 80 mm)
portal-receipt-follow = Open the request's page
portal-receipt-another = Register another request

## The electronic form
portal-nav-new = New request
portal-form-heading = Electronic form: sending a document
portal-form-intro = A request to send a document to your agency or to a third party. Every item but the e-mail and the return date is required; attach the agency's letter.
portal-form-documents = Documents asked for (among those held for your agency)
portal-form-no-documents = The repository holds no document for this agency.
portal-form-destination = Destination
portal-form-destination-self = The requesting agency itself
portal-form-mode = Dispatch mode
portal-form-return-due = Return date
portal-form-return-due-hint = Only when the original is sent, as a Jalali date
portal-form-applicant = Applicant
portal-form-applicant-name = Full name
portal-form-national-code = National code
portal-form-mobile = Mobile
portal-form-email = E-mail (optional)
portal-form-letter = The agency's letter
portal-form-letter-number = Letter number
portal-form-letter-date = Letter date
portal-form-letter-file = Scan of the letter (PDF or image)
portal-form-letter-file-hint = At most { $limit } MB. If the form comes back with an error, choose the file again.
portal-form-file-too-large = The file is over the { $limit } MB limit; nothing was registered.
portal-form-purpose = Subject and reason
portal-form-priority = Priority
portal-form-submit = Register the request

## Correcting a request sent back
portal-correct-heading = Correct and resubmit
portal-correct-intro = The request was sent back for correction. See the reason in its history, correct the items and send it again.
portal-correct-submit = Resubmit
portal-resubmitted = The request was corrected and sent to the registry again.

## Complaints, suggestions and comments
portal-nav-complaint = Complaints
portal-complaint-heading = A complaint, suggestion or comment
portal-complaint-intro = Write about one of the agency's requests or about the service in general. The answer reaches the mobile or e-mail you give.
portal-complaint-kind = Kind
portal-complaint-request = About request
portal-complaint-no-request = None (the service)
portal-complaint-name = Written by
portal-complaint-text = Text
portal-complaint-answer = Answer
portal-complaint-submit = Submit

## The desk
ui-field-doc-owner = Held for
ui-doc-owner-none = Not recorded
portal-complaint-history = History
ui-from-portal = From the portal — { $account }
ui-tab-agency-users = Agency accounts
ui-agency-user-add = Add an agency account
ui-agency-user-reset = One-time password
ui-agency-user-deactivate = Deactivate
ui-agency-user-activate = Activate
ui-agency-one-time = One-time password for { $user } (shown once):
audit-settings-portal-address = Portal address changed
