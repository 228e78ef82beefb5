[${reference}] الأدلة ${mail} من ${mails}
