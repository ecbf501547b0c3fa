# Files the office keeps: scans of documents, letters attached to requests (crates/sanad-scan).

error-scan-empty = The file is empty; choose the document's scan again.
error-scan-too-large = The file is { $size } MB, over the limit of { $limit } MB.
error-scan-not-a-scan = This is not a PDF, JPEG, PNG or TIFF file; { $looks ->
    [text] its content is text, whatever its name.
    [zip] it is a compressed (ZIP) archive.
    [gif] it is a GIF image.
    [program] it is a program.
    [pdf-late] the PDF header is not at the start of the file.
   *[other] its kind is not recognised.
}
error-scan-malformed = The { $kind ->
    [pdf] PDF
    [jpeg] JPEG
    [png] PNG
   *[tiff] TIFF
} file is damaged or cut short and cannot be read.
error-scan-trailing-data = Something else is attached after the end of the { $kind ->
    [pdf] PDF
    [jpeg] JPEG
    [png] PNG
   *[tiff] TIFF
} file; such a file is not kept.
error-scan-active-content = This PDF has active content ({ $what ->
    [javascript] a script
    [launch] launching a program
    [submit-form] submitting a form
    [import-data] importing data
    [rich-media] rich media
    [xfa] an XFA form
   *[other] an automatic action
}) and is refused; take a plain image copy from the scanner or a PDF printer.
error-scan-embedded-files = This PDF carries files embedded in it and is refused.
error-scan-encrypted = This PDF is encrypted; give the copy without a password.
error-scan-no-pages = This file has no pages.
error-scan-too-many-pages = This file has { $pages } pages, over the limit of { $limit }.
error-scan-bomb = This file expands to many times its size when opened (a decompression bomb) and is refused.
error-scan-limit-range = The file size limit must be a number from { $min } to { $max } MB.
error-file-purpose-unknown = The attachment's purpose must be "letter" or "enclosure".
error-file-request-closed = This request is closed ("{ $status }") and takes no new files.

file-purpose-letter = Agency's letter
file-purpose-enclosure = Enclosure
cli-file-attached = { $kind } file with { $pages } pages attached (version { $number }, id { $id }).
cli-files-none = No files are attached.
cli-file-line = { $number }. { $title } — { $kind }, { $pages } pages, { $size } bytes, { $added_at }, { $added_by }{ $current ->
    [yes] {" "}(current)
   *[no] {""}
}
cli-file-digest = { "  " }SHA-256: { $sha256 }
cli-file-saved = The file was written to { $path }.
cli-scan-limit-set = The size limit of each file is now { $megabytes } MB.
error-not-found-file = No such file.
error-conflict-file-attached = Another desk attached a file at the same moment; try again.

ui-file-unreadable = The file could not be read; choose it again.
ui-files-none = No file is attached yet.
ui-files-drop-hint = Drop the scan (PDF, JPEG, PNG or TIFF) here, or press "Choose file".
ui-files-pick = Choose file
ui-file-title = Title (optional)
ui-file-attached = "{ $name }" was attached.
ui-file-current = Current version ({ $number })
ui-file-version = Version { $number }
ui-file-facts = { $kind }, { $pages } pages, { $size }
ui-file-size-kb = { $value } KB
ui-file-size-mb = { $value } MB
ui-file-added = { $at }, { $by }
ui-file-thumbnail-loading = Preparing the preview…
ui-file-thumbnail-alt = First page of "{ $title }"
ui-doc-scans = Scans
ui-doc-scans-title = Scans of document { $number }
ui-request-files = Letter and enclosures
audit-settings-scan-limit = Change of the file size limit
audit-document-attach-scan = Scan attached to a document
audit-request-attach-file = Letter or enclosure attached to a request
field-megabytes = File size limit (MB)
ui-file-digest = SHA-256 { $digest }
