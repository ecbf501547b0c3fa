# Messages about faults: unreadable input, lost connections.
cli-file-not-utf8 = The file { $path } is not UTF-8 text; save it as UTF-8.
