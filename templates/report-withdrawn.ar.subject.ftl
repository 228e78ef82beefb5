[${reference}] تم سحب بلاغك
