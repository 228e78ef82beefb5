[${reference}] تم حذف بياناتك
