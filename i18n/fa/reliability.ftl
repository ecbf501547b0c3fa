# Messages about faults: unreadable input, lost connections.
cli-file-not-utf8 = متن پرونده { $path } با کدگذاری UTF-8 نیست؛ آن را با UTF-8 ذخیره کنید.
