# Messages about faults and hostile input: unreadable files, lost connections, retries.
cli-file-not-utf8 = The file { $path } is not UTF-8 text; save it as UTF-8.
# Field names, for the line that names the field at fault.
field-idempotency-key = Idempotency key
field-input = Input
field-org = Organization
