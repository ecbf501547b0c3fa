## The dispatch slip and printing it.

slip-title = Document dispatch slip
slip-document-title = Dispatch slip { $code }
slip-directorate-default = General Directorate of Economic Affairs and Finance
slip-duplicate = DUPLICATE — copy { $copy }
slip-tracking-code = Tracking code
slip-issued-at = Issued
slip-requesting-org = Requesting agency
slip-destination = Destination
slip-destination-self = The requesting agency
slip-letter = Request letter
slip-letter-value = No. { $number } of { $date }
slip-documents = Documents
slip-document-line = Registry no. { $registry }: { $title }
slip-dispatch-mode = Dispatch mode
slip-return-due = Original due back
slip-applicant = Applicant
slip-applicant-value = { $name }, national code { $national_code }
slip-approvals = Approvals
slip-approval-line = { $name } ({ $role }), { $at }
slip-no-approvals = No approvals recorded
slip-clerk = Issuing clerk
slip-signature-clerk = Registry signature and stamp
slip-signature-recipient = Recipient's signature
slip-keep-code = Keep this tracking code: the request is followed up with it.

error-slip-not-printable = No slip is issued for a request in state “{ $status }”.
error-slip-paper = That paper size is not supported for slips.
error-logo-not-png = The office logo must be a PNG image.
error-logo-too-large = The office logo file is too large.

field-directorate-name = Directorate name
field-logo = Office logo
field-paper = Paper size
field-printer = Printer

cli-slip-saved = Slip (copy { $copy }) saved to { $path }.
cli-slip-printed = Slip (copy { $copy }) sent to printer { $printer }; print job { $job }.
cli-slip-out-or-print = Give --out or --print.
cli-slip-size = The paper size must be one of: { $sizes }
cli-slip-render-failed = Could not make the slip PDF: { $detail }
cli-slip-write-failed = Could not write { $path }.
cli-slip-print-failed = Printing the slip failed: { $detail }
cli-slip-no-such-printer = There is no printer named { $printer } on this system.
cli-slip-no-printer = No printer was chosen and the system has no default printer; give --printer.
cli-slip-print-from-app = On this system slips are printed from the slip preview in the app; or save one with --out and print it.
cli-printer-line = { $name }{ $default }
cli-printer-default-mark = (default)
cli-printer-none = No printers are set up on this system.
cli-printer-saved = Default slip printer: { $printer }
