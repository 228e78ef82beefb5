[${reference}] تحديث بشأن بلاغك
