## E-mails to applicants and complainants, and the mail settings' errors. (Applicants receive
## the Persian templates; these are for reading them.)

mail-request-registered-subject = Your request { $code } was registered
mail-request-registered-body =
    Dear { $name },
    Your document request was registered with tracking code { $code }.
    Follow-up PIN: { $pin }
    { $portal ->
        [none] To follow it up, give the tracking code and the PIN at the office.
       *[other] To follow it up, enter the tracking code and the PIN at { $portal }.
    }
    Do not give the PIN to anyone; the office's staff never ask for it.
    General Directorate of Economic Affairs and Finance
mail-request-approved-subject = Your request { $code } was approved
mail-request-approved-body =
    Dear { $name },
    Your request with tracking code { $code } was approved; the document will be sent shortly.
    Keep the tracking code to follow it up.
    General Directorate of Economic Affairs and Finance
mail-request-rejected-subject = Your request { $code } was rejected
mail-request-rejected-body =
    Dear { $name },
    Your request with tracking code { $code } was rejected.
    Reason: { $note }
    General Directorate of Economic Affairs and Finance
mail-request-correction-subject = Your request { $code } needs correction
mail-request-correction-body =
    Dear { $name },
    Your request with tracking code { $code } was sent back for correction.
    What to correct: { $note }
    Send it again once corrected.
    General Directorate of Economic Affairs and Finance
mail-request-dispatched-subject = The document of request { $code } was sent
mail-request-dispatched-body =
    Dear { $name },
    The document of your request with tracking code { $code } was sent.
    General Directorate of Economic Affairs and Finance
mail-complaint-registered-subject = Your message { $code } was registered
mail-complaint-registered-body =
    Dear { $name },
    Your message was registered with tracking code { $code }.
    Follow-up PIN: { $pin }
    { $portal ->
        [none] To follow it up, give the tracking code and the PIN at the office.
       *[other] To follow it up, enter the tracking code and the PIN at { $portal }.
    }
    Do not give the PIN to anyone; the office's staff never ask for it.
    General Directorate of Economic Affairs and Finance
mail-complaint-answered-subject = An answer to your message { $code }
mail-complaint-answered-body =
    Dear { $name },
    Your message with tracking code { $code } was answered:
    { $answer }
    General Directorate of Economic Affairs and Finance

error-mail-host = The mail server's address is not valid.
error-mail-port = The mail server's port must be a number from 1 to 65535.
error-mail-not-configured = Set up the mail server first.
field-host = Mail server
field-port = Port
field-applicant-email = Applicant's e-mail

cli-mail-set = The mail server is set.
cli-mail-not-set = No mail server is set yet; messages wait in the queue.
cli-smtp-password-needed = Put the mail account's password in SANAD_SMTP_PASSWORD.
cli-smtp-password-saved = The mail account's password is kept in the OS keychain.
cli-mail-delivered = { $sent } sent, { $failed } not delivered (will be retried), { $waiting } waiting.
cli-mail-state-sent = sent
cli-mail-state-pending = waiting
mail-ecopy-waiting-subject = The certified electronic copy of request { $code } is ready
mail-ecopy-waiting-body =
    Hello,
    The certified electronic copy of the document of request { $code } was issued to you and is waiting on the directorate's portal ({ $portal }).
    To download it, sign in with your organization's portal account and open the request in the list of received requests. The first download records the delivery.
    You can check the copy's authenticity on the portal's verification page or with the directorate's published key set.
    Directorate of Economic Affairs and Finance
mail-ecopy-waiting-attached-subject = The certified electronic copy of request { $code }
mail-ecopy-waiting-attached-body =
    Hello,
    The certified electronic copy of the document of request { $code } is attached to this message and is also waiting on the directorate's portal ({ $portal }).
    The delivery is recorded when it is first downloaded from the portal.
    You can check the copy's authenticity on the portal's verification page or with the directorate's published key set.
    Directorate of Economic Affairs and Finance
mail-ecopy-portal-unnamed = the Sanad Desk portal
