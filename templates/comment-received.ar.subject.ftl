[${reference}] تم استلام رسالتك
