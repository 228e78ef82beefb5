[${reference}] تم استلام بلاغك
