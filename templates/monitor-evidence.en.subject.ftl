[${reference}] Evidence ${mail} of ${mails}
